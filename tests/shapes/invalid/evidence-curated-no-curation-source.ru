# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: extracted evidence flagged curated, naming no curation file.
#+ shape: EvidenceShape
#+ message: one curation source
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <https://w3id.org/casegraph/id/evidence/e2> cg:curated false } ;
INSERT DATA { <https://w3id.org/casegraph/id/evidence/e2> cg:curated true }
