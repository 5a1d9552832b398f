# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Issue 14: curated evidence (no target, a curation source) flagged not curated: a quote-less annotation must be curated.
#+ shape: EvidenceShape
#+ message: quote of the source text
PREFIX cg: <https://w3id.org/casegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX id: <https://w3id.org/casegraph/id/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE DATA { <https://w3id.org/casegraph/id/evidence/e3> cg:curated true } ;
INSERT DATA { <https://w3id.org/casegraph/id/evidence/e3> cg:curated false }
