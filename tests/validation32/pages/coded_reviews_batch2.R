structure(list(review_id = c("W-2023-04", "NI-2022-01", "E-2024-NP1"
), title = c("Concise Child Practice Review CYSUR 3/2023 (Child E)", 
"Case Management Review: Young Person D", "National review: Child H"
), nation = c("Wales", "Northern Ireland", "England"), area = c("Pembrokeshire", 
"Causeway Coast and Glens", "Bedford"), review_type = c("concise CPR", 
"CMR", "national panel review"), pub_year = c(2023L, 2022L, 2024L
), published = structure(c(19454, 19163, 19835), class = "Date"), 
    child = c("Child E", "Young Person D", "Child H"), child_sex = c("girl", 
    "boy", "boy"), child_age = c("9 months", "16", "2 years 4 months"
    ), summary = c("Child E was admitted to hospital in June 2022, aged 9 months, with severe malnutrition. Her weight had fallen from the 50th centile to below the 2nd. The review concluded that her needs for food and medical care had been neglected over several months.\n\nThe family lived in a static caravan on a rural site nine miles from the nearest town, with no car. Her father was prescribed methadone by the community drug and alcohol team and was still using heroin. Four health visitor contacts were missed or cancelled by the family and the GP did not know about them. Her mother had no history of mental ill health.", 
    "D lived in a children's home run by the Trust, outside his home Trust area, from the age of 14 under a care order. He had been diagnosed with depression and was seen by CAMHS. He drank heavily at weekends. In August 2021 he was treated in the emergency department after an overdose of his prescribed medication. PSNI had reported him missing from the home on 23 occasions. The Education Authority arranged home tuition after his school placement broke down. D took his own life in November 2021.", 
    "Child H died in January 2022 from multiple injuries inflicted by his mother's partner, who was convicted of his murder. The partner had moved in during autumn 2021 and was not known to children's services. He had convictions for violence against a former partner in another force area. In December 2021 nursery staff recorded bruises on H's face; his mother said he had fallen. His grandmother rang children's services twice with worries that were not passed to the police."
    ), learning = list(c("Weight faltering in a baby is a safeguarding sign as well as a health one.", 
    "Rural isolation and no transport make missed appointments more, not less, worrying.", 
    "Substitute prescribing teams should ask about children in the home."
    ), c("Transitions between placements need one lead professional.", 
    "An overdose of prescribed medication is self-harm until shown otherwise."
    ), c("Professionals did not find out who was living in the household.", 
    "Bruising in a young child was accepted on the parent's explanation.", 
    "Information from family members was not treated as a referral.", 
    "Police checks on a new partner were not requested.")), n_recs_stated = c(4L, 
    9L, NA), recs_text = c(NA, "Recommendations include that the Trust reviews its protocol for young people moving between residential placements.", 
    "The Panel made recommendations to the Department for Education and Ofsted about information sharing when a new adult joins a household."
    ), coder = c("RB", "RB", "KM")), class = c("tbl_df", "tbl", 
"data.frame"), row.names = c(NA, -3L))
