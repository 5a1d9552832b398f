"""casegraph.validate"""
