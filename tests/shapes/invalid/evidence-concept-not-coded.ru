# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: the review loses its risk factor but the evidence for it stays.
#+ shape: CaseReviewShape
#+ message: is not coded with
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> cg:riskFactor <https://w3id.org/casegraph/concept/risk-factors/rf-da> }
