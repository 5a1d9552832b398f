"""casegraph.extract"""
