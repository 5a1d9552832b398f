"""casegraph.core"""
