# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
#+ shape: RecurrenceClusterShape
#+ message: at least two members
PREFIX cg: <https://w3id.org/casegraph/ontology#>
DELETE DATA { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:member <https://w3id.org/casegraph/id/recommendation/2024-testshire-child-17-r2> }
