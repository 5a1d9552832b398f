# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: substance misuse made narrower than one of its own narrower concepts (a cycle).
#+ shape: ConceptShape
#+ message: skos:broader cycle
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { <https://w3id.org/casegraph/concept/risk-factors/rf-sub> skos:broader <https://w3id.org/casegraph/concept/risk-factors/rf-alc> }
