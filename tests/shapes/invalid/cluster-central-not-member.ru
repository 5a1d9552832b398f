# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
#+ shape: RecurrenceClusterShape
#+ message: is not a member of the cluster
PREFIX cg: <https://w3id.org/casegraph/ontology#>
DELETE { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:centralMember ?m } INSERT { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:centralMember <https://w3id.org/casegraph/id/learning/2024-testshire-child-17-l1> } WHERE { <https://w3id.org/casegraph/id/cluster/recommendation-0123456789abcdef> cg:centralMember ?m }
