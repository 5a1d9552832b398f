<map version="1.0.1">
<!-- FreeMind mind map for a practitioner workshop. INVENTED test data for casegraph. -->
<node CREATED="1700000000000" ID="ID_root" MODIFIED="1700000000000" TEXT="Workshop: seeing the injury, seeing the home (Wales)">
<node CREATED="1700000000001" ID="ID_L" POSITION="right" TEXT="Child L - Concise Child Practice Review (Cwm Taf Morgannwg, 2022)">
<node ID="ID_L1" TEXT="What happened">
<node ID="ID_L1a" TEXT="L, a six-year-old girl, came to school with a burn on her forearm in the shape of an iron."/>
<node ID="ID_L1b" TEXT="She told her teacher her mother had done it to punish her; the mother later admitted the assault to police."/>
<node ID="ID_L1c" TEXT="The family had moved four times in two years, including a period in a hostel, and were not known to children&apos;s services."/>
</node>
<node ID="ID_L2" TEXT="Learning">
<node ID="ID_L2a" TEXT="Shape and pattern of a burn matter - photograph and describe, do not only record &apos;burn to arm&apos;."/>
<node ID="ID_L2b" TEXT="Frequent moves meant records did not follow the child between schools."/>
<node ID="ID_L2c" TEXT="The child&apos;s own words were recorded well and acted on the same day."/>
</node>
<node ID="ID_L3" TEXT="Recommendations">
<node ID="ID_L3a" TEXT="Schools to transfer safeguarding files within five days of a move."/>
<node ID="ID_L3b" TEXT="Board to publish guidance on recording marks and burns."/>
</node>
</node>
<node CREATED="1700000000002" ID="ID_N" POSITION="right" TEXT="Child N - Extended Child Practice Review (West Glamorgan, 2023)">
<node ID="ID_N1" TEXT="What happened">
<node ID="ID_N1a" TEXT="N, a ten-week-old boy, was brought to hospital after he stopped breathing at home."/>
<node ID="ID_N1b" TEXT="Scans showed bleeding around the brain and older fractures of different ages; the family court found the injuries were non-accidental, though it could not say which parent caused them."/>
<node ID="ID_N1c" TEXT="At three weeks old the community midwife noted a mark on his cheek, described as a &apos;pressure mark from the car seat&apos;."/>
<node ID="ID_N1d" TEXT="Both parents had grown up in foster care."/>
<node ID="ID_N1e" TEXT="N survived and now lives with his grandparents."/>
</node>
<node ID="ID_N2" TEXT="Learning">
<node ID="ID_N2a" TEXT="Parents&apos; own childhoods were known but not used to think about support after the birth."/>
<node ID="ID_N2b" TEXT="A mark on a baby&apos;s face is never &apos;just a mark&apos;."/>
</node>
<node ID="ID_N3" TEXT="Recommendations">
<node ID="ID_N3a" TEXT="Maternity services to share care-experienced status of parents with health visitors, with consent."/>
</node>
</node>
<node CREATED="1700000000003" ID="ID_P" POSITION="left" TEXT="Child P - Concise Child Practice Review (Powys, 2024)">
<node ID="ID_P1" TEXT="What happened">
<node ID="ID_P1a" TEXT="P, aged four, died in a house fire in January 2023. He and his two brothers were at home overnight without an adult."/>
<node ID="ID_P1b" TEXT="The review found that the boys had been left in the care of their nine-year-old brother most nights for several months while their mother worked night shifts."/>
<node ID="ID_P1c" TEXT="The mother had taken the night work to clear rent arrears and had no relatives or friends nearby to help."/>
</node>
<node ID="ID_P2" TEXT="Learning">
<node ID="ID_P2a" TEXT="School noticed the boys were tired but did not ask who was at home at night."/>
</node>
<node ID="ID_P3" TEXT="Recommendations">
<node ID="ID_P3a" TEXT="Welsh Government to be asked to consider guidance on leaving children home alone."/>
<node ID="ID_P3b" TEXT="Schools to include childcare arrangements in family support conversations."/>
</node>
</node>
<node ID="ID_misc" POSITION="left" TEXT="Group exercise: what would you do next? (not a review)">
<node ID="ID_misc1" TEXT="Scenario cards 1-4: a bruise, a cold house, a missed appointment, a toddler seen alone on a balcony."/>
</node>
</node>
</map>
