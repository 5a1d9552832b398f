*BEGIN WORDS VERSION=430/320 ENCODING=7BIT
<Applix Words>
<Globals levelIndent:0 hyphMethod:0 headerMargin:500 footerMargin:394 changeBar\
  Pos:0>
<start_styles>
<style "Normal" nextStyle "Normal" no-pageBreak no-keepWith no-block justifyLef\
 t indentToLevel spellcheck firstIndent:0 leftIndent:0 rightIndent:0 lineSpacin\
 g:0 preParaSpacing:0 postParaSpacing:0 level:0 hyphZone:0 hyphMinFrag:0  no-bo\
 ld no-italic no-strikethru no-hidden no-caps no-underline hyphenate color:"Bla\
 ck" face:"Palatino" size:12 position:0 tag:""  lB:0:0:"" rB:0:0:"" tB:0:0:"" b\
 B:0:0:"" hB:0:0:"" vB:0:0:"" shading:18:"":"":"" horizontalMargin:0 verticalMa\
 rgin:0 dropShadow:0  localTabs lT:394  xposColumnRelative xpos:0 yposParaRelat\
 ive ypos:1 leftFrameMargin:126 rightFrameMargin:126 topFrameMargin:0 bottomFra\
 meMargin:0  >
<style "footer" parent "Normal" nextStyle "footer" indentToLevel level:0  color\
 :"Black"  localTabs cT:3347 rT:6299  >
<style "header" parent "Normal" nextStyle "header" indentToLevel level:0 color:\
 "Black"  localTabs cT:3347 rT:6299  >
<style "heading 1" parent "Normal" nextStyle "heading_1" indentToLevel preParaS\
 pacing:167 level:0  bold  >
<style "heading 2" parent "heading 1" nextStyle "heading_2" indentToLevel level\
 :0  size:14  >
<style "heading 3" parent "Normal" nextStyle "Normal indent" indentToLevel leve\
 l:0  bold  >
<style "Normal indent" parent "Normal" nextStyle "Normal indent" indentToLevel \
 firstIndent:394 leftIndent:394 level:0  color:"Black"  >
<style "heading_1" parent "Normal" >
<color "Black0":0:0:0:255>
<color "Black":0:0:0:255>
<color "Blue":255:255:0:0>
<color "Cyan":255:0:0:0>
<color "Green":255:0:255:0>
<color "Magenta":0:255:0:0>
<color "Red":0:255:255:0>
<color "Yellow":0:0:255:0>
<color "White":0:0:0:0>
<color "Dark Blue":127:127:0:128>
<color "Dark Cyan":127:0:0:128>
<color "Dark Green":127:0:127:128>
<color "Dark Magenta":0:127:0:128>
<color "Dark Red":0:127:127:128>
<color "Dark Yellow":0:0:127:128>
<color "Dark Gray":0:0:0:128>
<color "Light Gray":0:0:0:63>
<color "HtmlLinkDefault@":255:255:0:0>
<end_styles>
<start_flow>
<WP400 "This file must be filtered to be read in WP 3.11">
<P >
<T "Gwent Area Child Protection Committee">
<P >
<T "Summaries of Part 8 Reviews completed in 2003-04">
<P >
<T "Archive copy held by the records service. Invented test data for casegraph:\
  all children, families and events in this document are made up.">
<P >
<T "1. Serious Case Review (Part 8) - Child N, Newport">
<P >
<T "Published: November 2003">
<P >
<T "Child N, a girl aged 22 months, was admitted to hospital in January 2003 wi\
 th fractures to both legs and bruising to her face. Doctors judged the injurie\
 s to be non-accidental, and her father admitted to police that he had caused t\
 hem. Child N's mother has a learning disability and was supported by adult ser\
 vices. Child N's name had been placed on the child protection register under t\
 he category of neglect in 2002.">
<P >
<T "Key lessons:">
<P >
<T "(a) Health visitors saw bruising on two occasions but did not refer to soci\
 al services.">
<P >
<T "(b) Adult services and children's services did not share a plan for the fam\
 ily.">
<P >
<T "(c) The core group did not meet after the register review in September 2002\
 .">
<P >
<T "Recommendations: seven recommendations are made to the ACPC and are set out\
  in the full report.">
<P >
<T "2. Serious Case Review (Part 8) - Child P, Caerphilly">
<P >
<T "Published: March 2004">
<P >
<T "Child P, a 15 year old boy, took his own life in June 2003. He had been exc\
 luded from school in 2002, used cannabis daily and was waiting for an appointm\
 ent with CAMHS after two episodes of self-harm. His father was being treated f\
 or depression by the GP. Police had found Child P drunk on three occasions. Th\
 e review explored whether Child P had been sexually abused and found no eviden\
 ce of this.">
<P >
<T "Key lessons: agencies saw Child P's behaviour as a matter for youth justice\
  rather than a sign of distress, and no single agency brought the concerns tog\
 ether.">
<P >
<T "Recommendations:">
<P >
<T "(1) The Local Health Board should reduce waiting times for CAMHS assessment\
  after self-harm.">
<P >
<T "(2) Schools should notify social services of every exclusion of a child kno\
 wn to them.">
<P >
<T "(3) The ACPC should issue guidance for all agencies on young people who sel\
 f-harm.">
<P >
<T "End of summaries. Full reports are held in the closed archive and may be se\
 en by arrangement.">
<P >
<P >
<P >
<end_flow>
<start_vars>
<end_vars>
<end_document>
*END WORDS
