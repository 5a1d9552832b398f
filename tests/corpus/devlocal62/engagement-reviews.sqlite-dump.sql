-- sqlite3 engagement.db .dump
-- East Midlands regional learning group: "engagement or reach?" workstream.
-- INVENTED test data for casegraph; not real reviews.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  area TEXT,
  review_type TEXT,
  published TEXT,
  children TEXT,
  summary TEXT,
  engagement_finding TEXT,
  recs_stated INTEGER
);
INSERT INTO reviews VALUES(1,'Child M – Local Child Safeguarding Practice Review','Derby','LCSPR','2022-11-03','M (boy, 12)','M had type 1 diabetes and died in hospital from diabetic ketoacidosis in January 2022. Over two years he was not brought to 14 of 20 diabetes clinic appointments. His mother, who had severe anxiety and agoraphobia, declined home visits from the specialist diabetes nurse, did not answer the door to social workers and withdrew consent for the school to share information with the clinic. The review concluded that the failure to manage M''s diabetes amounted to neglect.','Family did not engage: repeated refusal of home visits and withdrawal of consent. The review also asks whether services explored why.',4);
INSERT INTO reviews VALUES(2,'Child N – Serious Case Review','Nottinghamshire','SCR','2018-07-16','N (girl, 4)','N was found to have suffered long-standing neglect: she was severely underweight and needed several teeth removed under general anaesthetic. Her nursery had raised concerns about her weight and hygiene a year earlier. The family moved between three temporary addresses in eighteen months. Records did not follow them, and the health visiting service closed the case after two "no access" visits to an address the family had already left. A man recorded by the nursery only as "Dave" collected N on several occasions; he was later found to be her mother''s partner and to have been living with the family. He was never identified or assessed by any agency.','Not a case of non-engagement. The review states plainly that the family was not refusing services; services lost track of the family.',6);
INSERT INTO reviews VALUES(3,'Siblings P and Q – Multi-Agency Learning Review (SILP)','Leicestershire','Multi-agency learning review using the SILP methodology','2024-03-08','P (girl, 8); Q (boy, 5)','P and Q lived with their parents. Their father had paranoid schizophrenia and had stopped taking his medication; he refused to let professionals into the home, and their mother told workers that all was well while privately telling a friend she was frightened of him. The review found he monitored the mother''s phone and controlled the family''s money. P''s school referred her to CAMHS with anxiety. The review concluded that both children suffered emotional harm from living with their father''s untreated illness and his controlling behaviour. The family spoke English as their first language and no communication barrier was identified.','Family did not engage: father refused access, mother showed disguised compliance.',3);
CREATE TABLE learning (review_id INTEGER REFERENCES reviews(id), seq INTEGER, point TEXT);
INSERT INTO learning VALUES(1,1,'Repeated "was not brought" episodes for a child with a serious health condition are a safeguarding concern and should trigger a multi-agency response.');
INSERT INTO learning VALUES(1,2,'When a parent refuses contact, professionals should ask whether the parent''s own mental health is the barrier and adapt the offer, while keeping the child''s needs central.');
INSERT INTO learning VALUES(1,3,'Withdrawal of consent to share does not prevent sharing where a child is at risk of significant harm.');
INSERT INTO learning VALUES(2,1,'Closing a case after "no access" visits assumes the family is refusing; services must first confirm where the family lives.');
INSERT INTO learning VALUES(2,2,'Nurseries should know who is collecting a child and share the names of unknown adults.');
INSERT INTO learning VALUES(2,3,'Families in temporary accommodation need records that move with them.');
INSERT INTO learning VALUES(2,4,'Dental neglect is an indicator of wider neglect.');
INSERT INTO learning VALUES(3,1,'Where a parent refuses entry, professionals should see the children elsewhere, alone, and consider legal routes to assessment.');
INSERT INTO learning VALUES(3,2,'Coercive control may explain why the other parent appears to comply.');
CREATE TABLE recommendations (review_id INTEGER REFERENCES reviews(id), seq INTEGER, rec TEXT);
INSERT INTO recommendations VALUES(1,1,'The hospital diabetes team to adopt a "was not brought" policy that includes referral to children''s social care.');
INSERT INTO recommendations VALUES(1,2,'Children''s social care to seek a legal planning meeting where consent is withdrawn for a child with a life-limiting condition.');
INSERT INTO recommendations VALUES(1,3,'Adult mental health services to be invited to strategy discussions where a parent''s anxiety affects the care of a child.');
INSERT INTO recommendations VALUES(1,4,'The partnership to publish guidance on consent and information sharing for schools.');
INSERT INTO recommendations VALUES(2,1,'Health visiting to trace families before closing a case for no access.');
INSERT INTO recommendations VALUES(2,2,'Housing services to notify health visiting when a family with a child under five is moved.');
INSERT INTO recommendations VALUES(2,3,'Early years settings to record the full name of any adult collecting a child.');
-- recs 4-6 for review 2 not yet keyed in (see report appendix)
INSERT INTO recommendations VALUES(3,1,'Adult mental health services to routinely ask patients with psychosis about children in the home.');
INSERT INTO recommendations VALUES(3,2,'Police and children''s social care to consider coercive control when one parent refuses professional access.');
INSERT INTO recommendations VALUES(3,3,'Schools to be part of planning where a child has been referred to CAMHS and there are concerns at home.');
CREATE TABLE tags (review_id INTEGER REFERENCES reviews(id), tag TEXT);
INSERT INTO tags VALUES(1,'was not brought');
INSERT INTO tags VALUES(1,'non-engagement');
INSERT INTO tags VALUES(1,'parental mental health');
INSERT INTO tags VALUES(1,'medical neglect');
INSERT INTO tags VALUES(2,'transient families');
INSERT INTO tags VALUES(2,'hidden men');
INSERT INTO tags VALUES(2,'non-engagement (disputed)');
INSERT INTO tags VALUES(3,'disguised compliance');
INSERT INTO tags VALUES(3,'parental mental health');
INSERT INTO tags VALUES(3,'coercive control');
CREATE INDEX idx_learning ON learning(review_id);
COMMIT;
