"""casegraph.store"""
