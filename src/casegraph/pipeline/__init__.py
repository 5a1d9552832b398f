"""casegraph.pipeline"""
