"""casegraph.rdfio"""
