<?xml version="1.0" encoding="utf-8" ?>
<ogr:FeatureCollection
     gml:id="aFeatureCollection"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xsi:schemaLocation="http://ogr.maptools.org/ unseen_men_reviews.xsd"
     xmlns:ogr="http://ogr.maptools.org/"
     xmlns:gml="http://www.opengis.net/gml/3.2">
  <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::27700"><gml:lowerCorner>190412.7 60233.1</gml:lowerCorner><gml:upperCorner>288950.2 679870.4</gml:upperCorner></gml:Envelope></gml:boundedBy>
                                                                                                                                                                      
  <ogr:featureMember>
    <ogr:unseen_men_reviews gml:id="unseen_men_reviews.0">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::27700"><gml:lowerCorner>190412.7 60233.1</gml:lowerCorner><gml:upperCorner>190412.7 60233.1</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Point srsName="urn:ogc:def:crs:EPSG::27700" gml:id="unseen_men_reviews.geom.0"><gml:pos>190412.7 60233.1</gml:pos></gml:Point></ogr:geometryProperty>
      <ogr:fid>1</ogr:fid>
      <ogr:title>Baby R – Local Child Safeguarding Practice Review</ogr:title>
      <ogr:kind>LCSPR</ogr:kind>
      <ogr:area>Cornwall</ogr:area>
      <ogr:published>2023</ogr:published>
      <ogr:summary>Baby R was seven weeks old when he was taken to hospital in December 2022 with a fractured thigh bone and rib fractures of different ages; the paediatric team concluded that the injuries had been inflicted. His mother’s partner had moved into the flat that autumn and was later convicted. At the new-birth visit the health visitor recorded only that “a friend” was present and did not ask who he was. A small bruise on R’s cheek was seen by the GP in November and put down to a fall from the sofa. The mother had been prescribed sertraline after her first pregnancy. There was no evidence that either adult used illicit drugs.</ogr:summary>
      <ogr:learning>1) Ask who lives in and who visits the home at every contact. 2) Check new partners with police and children’s social care. 3) A bruise on a baby who is not yet crawling is a safeguarding matter, whatever the explanation.</ogr:learning>
      <ogr:recs_shown>That the partnership seeks assurance from the ICB that health visitors record every adult in the household (one of four).</ogr:recs_shown>
      <ogr:recs_total>4</ogr:recs_total>
      <ogr:themes>new partner; unseen men; sentinel injury; domestic abuse</ogr:themes>
    </ogr:unseen_men_reviews>
  </ogr:featureMember>
  <ogr:featureMember>
    <ogr:unseen_men_reviews gml:id="unseen_men_reviews.1">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::27700"><gml:lowerCorner>265180.0 193940.5</gml:lowerCorner><gml:upperCorner>265180.0 193940.5</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Point srsName="urn:ogc:def:crs:EPSG::27700" gml:id="unseen_men_reviews.geom.1"><gml:pos>265180.0 193940.5</gml:pos></gml:Point></ogr:geometryProperty>
      <ogr:fid>2</ogr:fid>
      <ogr:title>Concise Child Practice Review WGSB 2/2023 – Child M</ogr:title>
      <ogr:kind>Concise CPR</ogr:kind>
      <ogr:area>Swansea</ogr:area>
      <ogr:published>2023</ogr:published>
      <ogr:summary>Child M, a boy of four, was taken to the emergency department in March 2022 after swallowing part of his father’s methadone, which was kept in an unlocked kitchen cupboard. He recovered after two days in hospital. His father had been on a supervised opiate substitute prescription from the community drug team since 2019; M’s mother had left the family home the previous year and M stayed with his father at weekends. The drug team’s records listed no children in the household.</ogr:summary>
      <ogr:learning>Prescribers and keyworkers should ask about every child who stays with a patient, not only the children who live with them, and safe storage advice should be repeated when contact arrangements change.</ogr:learning>
      <ogr:recs_total>3</ogr:recs_total>
      <ogr:themes>parental drug use; separated parents; weekend contact</ogr:themes>
    </ogr:unseen_men_reviews>
  </ogr:featureMember>
  <ogr:featureMember>
    <ogr:unseen_men_reviews gml:id="unseen_men_reviews.2">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::27700"><gml:lowerCorner>288950.2 679870.4</gml:lowerCorner><gml:upperCorner>288950.2 679870.4</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Point srsName="urn:ogc:def:crs:EPSG::27700" gml:id="unseen_men_reviews.geom.2"><gml:pos>288950.2 679870.4</gml:pos></gml:Point></ogr:geometryProperty>
      <ogr:fid>3</ogr:fid>
      <ogr:title>Learning Review: Child S (Falkirk)</ogr:title>
      <ogr:kind>Learning review</ogr:kind>
      <ogr:area>Falkirk</ogr:area>
      <ogr:published>2024</ogr:published>
      <ogr:summary>S, aged 15, had lived with her grandmother since she was nine, looked after at home under a compulsory supervision order. Between January and May 2023 she was reported missing eleven times and was repeatedly found in a flat in another town with men in their twenties. She told her guidance teacher that she drank and smoked cannabis there. In June 2023 S disclosed that two of the men had made her have sex with them in return for vodka and a place to stay. Police had shared concerns about the flat with social work in March.</ogr:summary>
      <ogr:learning>Missing episodes are a signal, not a nuisance | Return discussions should be held by someone the young person trusts | Kinship carers need practical support to report concerns</ogr:learning>
      <ogr:themes>missing; sexual exploitation; kinship care; alcohol</ogr:themes>
    </ogr:unseen_men_reviews>
  </ogr:featureMember>
  <ogr:featureMember>
    <ogr:unseen_men_reviews gml:id="unseen_men_reviews.3">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::27700"><gml:lowerCorner>270110.9 94880.0</gml:lowerCorner><gml:upperCorner>270110.9 94880.0</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Point srsName="urn:ogc:def:crs:EPSG::27700" gml:id="unseen_men_reviews.geom.3"><gml:pos>270110.9 94880.0</gml:pos></gml:Point></ogr:geometryProperty>
      <ogr:fid>4</ogr:fid>
      <ogr:title>Rapid review – infant, Devon (no LCSPR)</ogr:title>
      <ogr:kind>Rapid review (not a CSPR)</ogr:kind>
      <ogr:area>Devon</ogr:area>
      <ogr:summary>Rapid review completed within 15 working days of notification. Partners agreed that the learning could be taken forward through the single-agency action plans without a local review; the national Panel agreed. Included on the map for context only.</ogr:summary>
      <ogr:themes>context</ogr:themes>
    </ogr:unseen_men_reviews>
  </ogr:featureMember>
</ogr:FeatureCollection>
