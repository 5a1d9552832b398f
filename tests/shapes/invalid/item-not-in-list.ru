# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: recommendation 2 taken out of the review's list but still cg:itemOf the review.
#+ shape: CaseReviewShape
#+ message: but not in the review's list
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> cg:hasRecommendation <https://w3id.org/casegraph/id/recommendation/2024-testshire-child-17-r2> }
