"""casegraph.cli"""
