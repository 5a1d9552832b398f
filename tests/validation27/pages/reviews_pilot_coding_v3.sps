* Encoding: UTF-8.
* ---------------------------------------------------------------------------.
* reviews_pilot_coding_v3.sps
* Cross-border learning from child protection reviews - coding pilot.
* Reviews project, School of Social Work and Social Policy (pilot phase).
* Data entered by hand from the published summaries, one case per document.
* Text variables hold the summary wording as published (lightly trimmed).
* Missing numeric values are coded -9 (not stated in the document).
* Last edited 07/03/2024 by RA2: added case 4; corrected n_recs for case 2.
* ---------------------------------------------------------------------------.

PRESERVE.
SET UNICODE=ON DECIMAL=DOT.

DATA LIST FREE(",")
  /case_id (F2.0) doc_type (F1.0) jurisdiction (A16) area (A40) pub_year (F4.0)
   title (A120) child (A30) age_yrs (F2.0) sex (F1.0)
   summary (A4000) learning (A2000) recs_text (A2000) n_recs (F2.0) coder (A3).
BEGIN DATA
1,1,"Scotland","Aberdeen City",2023
"Learning Review - Young Person D","Young Person D",15,1
"D was 15 and had lived in a children's house run by the council since she was 13. Over 2021 she was reported missing from the house 23 times, often coming back late at night smelling of alcohol. Staff found messages on her phone from men in their twenties offering her vapes, alcohol and lifts. In October 2021 police found her in a flat with two adult men; one of them was later convicted of sexually exploiting her. She had cut her arms on several occasions and had waited eleven months for CAMHS after her GP referred her for low mood. Her own use of alcohol and cannabis increased through the year."
"1) Missing episodes were logged one at a time and nobody looked at the pattern. 2) Staff in the children's house did not know that police held intelligence about the flat. 3) The wait for CAMHS left residential staff managing self-harm without advice."
"1) Police Scotland and social work to hold a joint weekly review of missing episodes for every young person in residential care. 2) The health board to offer consultation to residential staff while young people wait for CAMHS."
6,"RA1"
2,2,"Scotland","South Lanarkshire",2017
"Significant Case Review - Baby E","Baby E",0,2
"E died in March 2015, aged nine weeks, from head injuries inflicted by his father, who was later convicted of culpable homicide. His father was on a methadone programme and was still using heroin; his mother, who was 18, had been looked after in foster care for most of her own childhood. At six weeks the health visitor saw a small bruise on E's cheek and accepted the explanation that it had been caused by a dummy. Addiction workers and the health visitor did not share what each of them knew."
"The review found that a bruise on a baby who cannot yet move about on his own is never minor and must lead to a child protection referral."
""
-9,"RA2"
3,3,"Northern Ireland","Causeway Coast and Glens",2022
"Case Management Review - Child R","Child R",7,2
"R, a seven-year-old boy, regularly arrived at school hungry, in clothes that were too small and with untreated head lice; later that year he needed six teeth taken out under general anaesthetic. His mother's partner moved into the home when R was five and drank heavily every day. Police were called to the house eleven times in 2020 after neighbours heard the partner shouting at R's mother and, once, a window being smashed. The partner was never spoken to by the social worker. The mother cancelled nine of the twelve appointments offered by the local Family Support Hub, an early help service."
"1) The school saw the hunger and the head lice, but each concern was handled as a separate welfare matter. 2) The adult who was drinking in the home was treated as a visitor rather than as a carer."
"1) The Trust to ensure that every assessment names and sees all adults living in the household. 2) The Education Authority to issue guidance to schools on recording low-level signs of neglect. 3) The Family Support Hub to follow up cancelled appointments with a home visit."
3,"RA1"
4,4,"Scotland","Dundee",2023
"Initial Case Review - toddler (no Learning Review)","not applicable",-9,9
"An ICR was held after a two-year-old was admitted to hospital with a burn. The CPC agreed that the case did not meet the criteria for a Learning Review; single-agency learning was shared instead."
""
""
-9,"RA2"
END DATA.

VARIABLE LABELS
  case_id 'Case number'
  /doc_type 'Type of review document'
  /jurisdiction 'Nation'
  /area 'Local authority / partnership area'
  /pub_year 'Year published'
  /title 'Title as given on the document'
  /child 'Pseudonym used in the document'
  /age_yrs 'Age of child in completed years (at incident)'
  /sex 'Sex of child'
  /summary 'Case summary (as published)'
  /learning 'Learning (as published; items numbered 1) 2) ...)'
  /recs_text 'Recommendations listed in the summary'
  /n_recs 'Number of recommendations stated in the document'
  /coder 'Coder initials'.

VALUE LABELS
  doc_type 1 'Learning Review (Scotland)'
   2 'Significant Case Review (Scotland, pre-2021 guidance)'
   3 'Case Management Review (Northern Ireland)'
   4 'Initial Case Review only (no review)'
  /sex 1 'Female' 2 'Male' 9 'Not stated'.

MISSING VALUES age_yrs n_recs (-9) /sex (9).

* Case 4 is an ICR that did not lead to a review: keep it for the pathway analysis only.
COMPUTE review_flag = (doc_type LE 3).
VARIABLE LABELS review_flag 'Document is a review'.
VALUE LABELS review_flag 0 'Not a review' 1 'Review'.
FORMATS review_flag (F1.0).
EXECUTE.

ADD DOCUMENT
  'Pilot coding v3 (March 2024). Two coders (RA1, RA2); disagreements'
  'resolved at the fortnightly coding meeting. Case 4 excluded from the'
  'learning analyses.'.

FREQUENCIES VARIABLES=doc_type jurisdiction sex
  /ORDER=ANALYSIS.

TEMPORARY.
SELECT IF (review_flag = 1).
DESCRIPTIVES VARIABLES=age_yrs n_recs
  /STATISTICS=MEAN MIN MAX.

SAVE OUTFILE='reviews_pilot_v3.sav'
  /COMPRESSED.
RESTORE.
