0000000000000000000000000000000000000000ASCII SPSS PORT FILENI CMR coding frame 
00000000000000000000000000000000000000000000000000000000000000000000000000000000
00000000000000000000000000000000000000000000000000000000000000000000000000000000
0000000000000000000000000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst
uvwxyz .<(+|&[]!$*);^-/|,%_>?`:#@'="000000~000000000000000000000{}\0000000000000
00000000000000000000000000000000000000000000000000000000SPSSPORTA8/202612056/153
12918/ReadStat317/https://github.com/WizardMac/ReadStat4K/5C/79/6/CASEID1/9/0/1/
9/0/CE/Case reference70/5/SCOPE5/8/2/5/8/2/CN/In scope (child review)7G/6/NATION
1/G/0/1/G/0/C6/Nation716/4/AREA1/16/0/1/16/0/CC/Council area7O/7/REVTYPE1/O/0/1/
O/0/CK/Review type as named71D/5/TITLE1/1D/0/1/1D/0/CI/Title as published70/5/PU
BYR5/8/2/5/8/2/CE/Year published7E/6/CHILD11/E/0/1/E/0/CH/Child 1 pseudonym71/5/
C1SEX1/1/0/1/1/0/CB/Child 1 sex72/5/C1AGE1/2/0/1/2/0/CJ/Child 1 age (years)77/6/
CHILD21/7/0/1/7/0/CH/Child 2 pseudonym71/5/C2SEX1/1/0/1/1/0/CB/Child 2 sex71/5/C
2AGE1/1/0/1/1/0/CJ/Child 2 age (years)788/5/SUMM11/88/0/1/88/0/CE/Summary part 1
770/5/SUMM21/70/0/1/70/0/CE/Summary part 275H/5/LEARN1/5H/0/1/5H/0/CI/Learning a
s listed70/5/RECSN5/8/2/5/8/2/C12/Number of recommendations stated75T/5/RECS11/5
T/0/1/5T/0/CP/Recommendations as listed70/5/INCYR5/8/2/5/8/2/CD/Incident year70/
5/INCMO5/8/2/5/8/2/CE/Incident monthF9/CMR-21-071/G/Northern Ireland16/Armagh Ci
ty, Banbridge and CraigavonM/Case Management Review1D/Case Management Review: Ch
ild P and Child Q27D/7/Child P1/F1/67/Child Q1/M1/47J/Child P (6) and her brothe
r Child Q (4) lived with their mother and her new partner, who moved in during 2
020. The partner had previous convictions for violence against a former partner 
and was never assessed by the Gateway team.70/In August 2021 the school saw belt
-shaped bruising on Child P; both children said the partner hit them with a belt
. Police later confirmed repeated incidents of domestic abuse by the partner tow
ards the mother.5H/1. Check the history of any new adult joining a household. 2.
 Listen to what younger children say. 3. Share police information on domestic ab
use with schools promptly.4/1/ 27B/8/9/CMR-22-021/G/Northern IrelandA/Mid Ulster
M/Case Management Review18/Case Management Review: Young Person R27E/E/Young Per
son R1/M2/161/ 1/ 1/ 88/Young Person R was 16 when he died by suicide in January
 2022. He had been referred to CAMHS with low mood a year earlier and was on the
 waiting list for therapy. His father was in prison for most of the review perio
d and his parents had separated.64/R used cannabis daily from the age of 14, and
 older young men were using him to carry drugs between towns; the Youth Justice 
Agency was working with him after an arrest for possession.4D/(a) Waiting-list r
isk should be reviewed when new concerns arise. (b) Exploitation and emotional h
ealth need to be assessed together.5/5T/1. The Trust should review CAMHS waiting
-list monitoring. 2. The Education Authority and the Youth Justice Agency should
 share information on young people at risk of exploitation.27C/1/9/SAI-23-030/G/
Northern Ireland1/ O/Serious Adverse Incident13/SAI review - adult inpatient fal
l*.1/ 1/ 1/ 1/ 1/ 1/ 2N/Level 2 SAI review of a fall on an adult ward. Logged in
 error; not a child review.1/ 1/ *.1/ *.*.ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ
