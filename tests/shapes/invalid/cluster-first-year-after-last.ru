# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
#+ shape: RecurrenceClusterShape
#+ message: not after its last year
PREFIX cg: <https://w3id.org/casegraph/ontology#>
DELETE { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:firstYear ?y } INSERT { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:firstYear 2025 } WHERE { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:firstYear ?y }
