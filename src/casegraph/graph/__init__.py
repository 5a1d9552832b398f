"""casegraph.graph"""
