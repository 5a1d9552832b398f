# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
#+ shape: RecurrenceClusterShape
#+ message: mixes learning points and recommendations
PREFIX cg: <https://w3id.org/casegraph/ontology#>
INSERT DATA { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:member <https://w3id.org/casegraph/id/learning/2024-testshire-child-17-l1> }
