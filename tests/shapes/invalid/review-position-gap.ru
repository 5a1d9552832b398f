# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: recommendation 2 renumbered 3, so the list reads 1, 3 (the old check caught repeats only).
#+ shape: CaseReviewShape
#+ message: leaves a gap
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <https://w3id.org/casegraph/id/recommendation/2024-testshire-child-17-r2> schema:position 2 } ;
INSERT DATA { <https://w3id.org/casegraph/id/recommendation/2024-testshire-child-17-r2> schema:position 3 }
