<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>PlanFormat</name>
    <message>
        <source>Signs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What others do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Warning signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Own coping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Distracting people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Distracting places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. People who can help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Professionals and agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6. Making the environment safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis workers: do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis workers: avoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1, %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What others do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>crisis worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>psychiatrist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicidality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suicide attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-harm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe aggression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runaway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Psychosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With own network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;De-escalating conversation</source>
        <translation>De-&amp;escalating conversation</translation>
    </message>
    <message>
        <source>&amp;Network engaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Home visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Psychiatrist consulted</source>
        <translation>Ps&amp;ychiatrist consulted</translation>
    </message>
    <message>
        <source>&amp;Veilig Thuis notified</source>
        <translation>Veilig Thuis not&amp;ified</translation>
    </message>
    <message>
        <source>Within the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now, call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intensive home treatment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Veilig Thuis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inform local team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision order (OTS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in (or the session has ended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in the form is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile; reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation>
            <numerusform>about %n year</numerusform>
            <numerusform>about %n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassDialog</name>
    <message>
        <source>Break the glass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no valid consent to read this youth&apos;s plan. You can open it anyway when it is needed for the youth&apos;s safety right now. Your reason is recorded, the access holds for this youth only and for a limited time, and a coordinator reviews it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you need the plan now (at least 10 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassReviews</name>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review note (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not justified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseUpdateForm</name>
    <message>
        <source>Risk flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags for the figures, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close &amp;case</source>
        <translation>Clos&amp;e case</translation>
    </message>
    <message>
        <source>&amp;Problem areas</source>
        <translation>Problem &amp;areas</translation>
    </message>
    <message>
        <source>&amp;Outcome of the night</source>
        <translation>O&amp;utcome of the night</translation>
    </message>
    <message>
        <source>Comple&amp;xity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseView</name>
    <message>
        <source>Youth and &amp;plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consu&amp;lt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand&amp;over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register or link the youth…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — case %2, %3, opened %4&lt;br&gt;Risk: %5 — outcome: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No youth linked yet: register or link the youth to see their plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no valid consent to show the plan here. In the look-up you can open it with a reason (break the glass).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::CommandLine</name>
    <message>
        <source>The desk of Spoed: look up youths and their plans, log crisis calls, consult the psychiatrist, hand over to regular care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://localhost:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file that signed the server&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language: nl or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang takes nl or en, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::ConsultQueue</name>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your advice to the crisis worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Consult requests&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Question&lt;/b&gt; (%1, %2):&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;The youth is not known in this case.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n year(s)</source>
        <translation>
            <numerusform>%1, %n year old</numerusform>
            <numerusform>%1, %n years old</numerusform>
        </translation>
    </message>
    <message>
        <source>Advice — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n year(s)</source>
        <translation>
            <numerusform>%1, about %n year</numerusform>
            <numerusform>%1, about %n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoed::desk::ConsultRequestForm</name>
    <message>
        <source>Your question for the backup psychiatrist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As&amp;k the psychiatrist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your question for the psychiatrist first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult question — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::ContactForm</name>
    <message>
        <source>Ended &amp;now</source>
        <translation>Ended &amp;just now</translation>
    </message>
    <message>
        <source>What happened, what was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log contact (Ctrl+Enter)</source>
        <translation>Log contact (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;ller</source>
        <translation>&amp;Who called</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;number</source>
        <translation>Caller&apos;s n&amp;umber</translation>
    </message>
    <message>
        <source>&amp;Started</source>
        <translation>S&amp;tarted</translation>
    </message>
    <message>
        <source>Su&amp;mmary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;version consulted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the call (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call&apos;s start and end times come from this timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call running since %1: %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::DirectoryView</name>
    <message>
        <source>Organisation / contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind / role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line: name | role | phone | availability | * for the designated contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::DraftSender</name>
    <message>
        <source>Connection is back: sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the server cannot be reached. It stays here and is sent as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text that was not sent yet is back. Check it and save it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::EvaluationsView</name>
    <message>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked complex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crisis placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suicide attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeat crises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with own network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stayed home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan an evaluation of case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Held on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line: organisation | name | role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation changes the safety plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>&amp;Finalise (read-only afterwards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting &amp;planned for</source>
        <translation>Meeting pla&amp;nned for</translation>
    </message>
    <message>
        <source>Pa&amp;rticipants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care already given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What could be better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right help at the right time?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What prevents a next crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation planned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an evaluation on the left.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Review&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluation: %1&lt;/b&gt; (case %2) — %3, due by %4&lt;br&gt;Why: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text that was not saved yet is back. Check it and save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::FiguresView</name>
    <message>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Sh&amp;ow</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story behind the figures of this period (geteld én verteld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;records (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;figures (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrative saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases and contacts per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of the night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday evenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complex cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a pre-registered plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handovers confirmed by their due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem area: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) exported to %1.</source>
        <translation>
            <numerusform>%n record exported to %1.</numerusform>
            <numerusform>%n records exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calls and visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverBoard</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agreements made (needed for &apos;agreements recorded&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Contact: %3, %4&lt;br&gt;Due: %5 (%6)&lt;br&gt;State: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreements: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalate handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it cannot be confirmed yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverForm</name>
    <message>
        <source>only without consent, e.g. the reporting code (meldcode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;handover</source>
        <translation>Start hando&amp;ver</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the &amp;directory</source>
        <translation>From the director&amp;y</translation>
    </message>
    <message>
        <source>Or &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>Contact p&amp;erson</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legal ground</source>
        <translation>Le&amp;gal ground</translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— typed in below —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 — due %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handovers of this case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::LoginWindow</name>
    <message>
        <source>Spoed — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spoed voor Jeugd&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for psychiatrists and administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so Spoed did not connect. Check the server address and the CA file, or ask the administrator. Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused: user name, password or second factor not right, or the account is disabled. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in with a one-time password. Choose your own (at least 12 characters):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passwords were empty or not the same; sign in again with the one-time password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role needs a second factor: type the code from your authenticator app. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up your second factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role needs a second factor. Add this key to your authenticator app:

%1

(%2)

Then type the six-digit code it shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second factor was not set up; sign in again to do it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::LookupPanel</name>
    <message>
        <source>pre-registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in 90 days</source>
        <translation>
            <numerusform>%n case in 90 days</numerusform>
            <numerusform>%n cases in 90 days</numerusform>
        </translation>
    </message>
    <message>
        <source>Name, phone number or date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Break the glass…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unknown youth; %n earlier case(s) from this number</source>
        <translation>
            <numerusform>Unknown youth; %n earlier case from this number</numerusform>
            <numerusform>Unknown youth; %n earlier cases from this number</numerusform>
        </translation>
    </message>
    <message>
        <source>No one known with this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened by breaking the glass, until %1. This use is reviewed by a coordinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case for an &amp;unknown caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody known: open a case for this caller now; the youth can be registered or linked during or after the call. Enter in the look-up does the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This youth has an open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue the open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a &amp;second case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case for an unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. father of a boy of about 14, Veendam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who is calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Short description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is known with this number or name. The case opens without a youth; register or link the youth during or after the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the caller in a few words: who calls, about whom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue that case, or open a second one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>about %n years (date of birth not known)</source>
        <translation>
            <numerusform>about %n year (date of birth not known)</numerusform>
            <numerusform>about %n years (date of birth not known)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 years, born %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2. Phone: %3&lt;br&gt;Network: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::MainWindow</name>
    <message>
        <source>Spoed — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spoed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The psychiatrist answered a consult of case %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handover of case %1 is past its due time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-the-glass used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plan was opened without consent; it waits for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (live updates reconnecting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● No connection — what you write is kept and sent when the server is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Server refused: its certificate does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift has been set for tonight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;On duty tonight:&lt;/b&gt; %1 &amp;nbsp; — &amp;nbsp; &lt;b&gt;Backup psychiatrist:&lt;/b&gt; %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent consult: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult requested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consult request about %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-registration and plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-the-glass reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case has text that has not reached the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It stays on this computer, sealed with your password, and comes back when you open the case again or sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It cannot be kept on this computer: it is lost when you close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the text and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and &amp;lose the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of what you wrote has not reached the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drafts kept on this computer could not be opened with your password, or were changed; they were set aside. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote this earlier and it has not reached the server yet:
%1

Open it again to check and send it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::PlanEditor</name>
    <message>
        <source>Find a youth: name, phone number or date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pre-registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What I do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What others do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line: name | relation | phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed and why (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes against the previous version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not pre-registered (needs consent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the editor against its base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A first version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against version %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 against version %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-registration saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan changes — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back. Check them and save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back; they were made on version %1, and version %2 is the newest now: compare before saving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::ProposalsBoard</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>care partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proposal, for the care chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partner or municipality; empty for the own team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. bereikbaarheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluation numbers, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note (required when rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen proposal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>T&amp;ext</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addressed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::ShiftBoard</name>
    <message>
        <source>Youth / caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the next shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handovers due and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The psychiatrist&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(waiting) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthLinkDialog</name>
    <message>
        <source>Register or link the youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone number or date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link to this youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a known youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and l&amp;ink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New youth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Famil&amp;y name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found: register the youth on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in at least the given name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd-mm-yyyy, or the age if the date is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth or age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date of birth as day-month-year, e.g. 14-03-2012, or the age (e.g. 15) if the caller does not know the date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthNames</name>
    <message>
        <source>unknown youth: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
