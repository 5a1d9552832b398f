:begin
CREATE CONSTRAINT review_ref FOR (node:Review) REQUIRE (node.ref) IS UNIQUE;
CREATE CONSTRAINT theme_name FOR (node:Theme) REQUIRE (node.name) IS UNIQUE;
CREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE;
:commit
CALL db.awaitIndexes(300);
:begin
UNWIND [{_id:0, properties:{name:"Sunderland Safeguarding Children Partnership", nation:"England", kind:"Safeguarding partnership"}}, {_id:1, properties:{name:"Middlesbrough Local Safeguarding Children Board", nation:"England", kind:"LSCB (pre-2019)"}}, {_id:2, properties:{name:"Safeguarding Board for Northern Ireland", nation:"Northern Ireland", kind:"Regional board"}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Organisation;
UNWIND [{_id:3, properties:{ref:"SSCP-LCSPR-2023-02", title:"LCSPR: Child W", type:"Local child safeguarding practice review", area:"Sunderland", published:date('2023-06-14'), child:"Child W", child_age:"3 years 4 months", child_sex:"male", summary:"W, aged three, was found unresponsive at home in January 2022 after swallowing methadone prescribed to his mother's partner. Paramedics and hospital staff revived him and he made a full recovery.\nThe partner had moved in the previous spring; professionals knew him only as \"a friend of mum's\" and no checks were made. He kept his methadone in a kitchen cupboard and was also using street heroin. The mother said she did not use drugs, and her tests in pregnancy were negative.\nThe family had been in temporary accommodation since an eviction in 2021.", learning:["Prescribers and pharmacists should ask whether children live in or visit the home and check that lockable storage is in place.", "Health visitors should find out who is living in the household, not only who is registered there.", "Moves between temporary addresses broke the link between the family and the health visiting team."], recommendations:["The drug treatment service to record the ages of children in the household at every prescription review.", "The council's housing options team to notify health visiting whenever a family with a child under five is placed in temporary accommodation."], recs_stated:5, keywords:["methadone", "unseen adults", "temporary accommodation"], coder:"JH"}}, {_id:4, properties:{ref:"MLSCB-SCR-2016-01", title:"Serious Case Review: Baby N", type:"Serious case review", area:"Middlesbrough", published:date('2016-09-29'), child:"Baby N", child_age:"4 months", child_sex:"female", incident:"October 2014", summary:"N was four months old when she was taken to hospital with a fractured skull and bleeding on the brain. Her father later admitted shaking her.\nHe had attended one antenatal appointment and was never spoken to by the health visitor. He had spent most of his own childhood in care.\nPolice had been called twice to arguments between the parents; the second call was graded as standard risk.", learning:["Fathers and male carers must be seen and assessed, not only mentioned.", "Repeat police call-outs to a home with a new baby need to be shared with midwifery and health visiting."], recommendations:[], recs_stated:9, keywords:["fathers", "head injury", "domestic abuse"], coder:"JH"}}, {_id:5, properties:{ref:"SBNI-CMR-2021-03", title:"Case Management Review: Child S", type:"Case management review", area:"Belfast", published:date('2021-11-30'), child:"Child S", child_age:"11", child_sex:"female", summary:"S, an 11-year-old girl, was sexually abused over two years by a man who had moved in with the family as a lodger when she was nine and whom she called her uncle. He was never seen by the social worker or the school nurse, who were told he was \"away working\".\nS's mother has a mild learning disability and found letters and forms hard to read.\nThe abuse came to light when S told a teacher; the man was convicted in 2020.", learning:["Practitioners relied on the mother's account of who lived in the home and did not adapt how they communicated with her, so what she knew was never heard."], recommendations:["The Trust to ensure social workers see and record every adult staying in the home.", "Schools to remind staff that a disclosure must reach the designated teacher the same day.", "The Trust to provide easy-read versions of child protection letters."], keywords:["lodger", "learning disability", "unseen adults"], coder:"MK"}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Review;
UNWIND [{_id:6, properties:{name:"Unseen adults", description:"Men and other adults in or around the household who were not seen or assessed by professionals."}}, {_id:7, properties:{name:"Information sharing", description:"What one agency knew and another did not."}}, {_id:8, properties:{name:"Communication with parents", description:"Whether parents could understand and use what they were told."}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Theme;
UNWIND [{_id:9, properties:{ref:"SSCP-RR-2023-07", area:"Sunderland", decided:date('2023-07-18'), summary:"Rapid review after a nine-month-old was taken to hospital with a scald. The partners agreed that the criteria for a local child safeguarding practice review were not met; learning was shared through a practice briefing.", outcome:"No LCSPR"}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:RapidReview;
UNWIND [{_id:10, properties:{created:datetime('2024-04-02T10:14:00Z'), author:"JH", text:"Coding note: N is pre-2018, so type = SCR even though the LSCB no longer exists. S is Northern Ireland, so publisher = SBNI. W's mother's partner is coded as a carer (lived there). The rapid review node is kept for the pathway paper only."}}] AS row
CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Memo;
:commit
:begin
UNWIND [{start: {_id:3}, end: {_id:0}, properties:{}}, {start: {_id:4}, end: {_id:1}, properties:{}}, {start: {_id:5}, end: {_id:2}, properties:{}}] AS row
MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})
MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})
CREATE (start)-[r:PUBLISHED_BY]->(end) SET r += row.properties;
UNWIND [{start: {_id:3}, end: {_id:6}, properties:{strength:"central"}}, {start: {_id:4}, end: {_id:6}, properties:{strength:"central"}}, {start: {_id:5}, end: {_id:6}, properties:{strength:"central"}}, {start: {_id:3}, end: {_id:7}, properties:{strength:"secondary"}}, {start: {_id:4}, end: {_id:7}, properties:{strength:"central"}}, {start: {_id:5}, end: {_id:8}, properties:{strength:"central"}}] AS row
MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})
MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})
CREATE (start)-[r:HAS_THEME]->(end) SET r += row.properties;
UNWIND [{start: {_id:9}, end: {_id:0}, properties:{}}] AS row
MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})
MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})
CREATE (start)-[r:RAISED_BY]->(end) SET r += row.properties;
:commit
:begin
MATCH (n:`UNIQUE IMPORT LABEL`)  WITH n LIMIT 20000 REMOVE n:`UNIQUE IMPORT LABEL` REMOVE n.`UNIQUE IMPORT ID`;
:commit
:begin
DROP CONSTRAINT UNIQUE_IMPORT_NAME;
:commit
