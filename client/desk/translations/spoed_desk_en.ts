<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Field</name>
    <message>
        <source>the given name</source>
        <translation>the given name</translation>
    </message>
    <message>
        <source>the family name</source>
        <translation>the family name</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>the date of birth</translation>
    </message>
    <message>
        <source>the age</source>
        <translation>the age</translation>
    </message>
    <message>
        <source>the municipality</source>
        <translation>the municipality</translation>
    </message>
    <message>
        <source>the citizen service number</source>
        <translation>the citizen service number</translation>
    </message>
    <message>
        <source>the phone number</source>
        <translation>the phone number</translation>
    </message>
    <message>
        <source>the caller&apos;s number</source>
        <translation>the caller&apos;s number</translation>
    </message>
    <message>
        <source>who is calling</source>
        <translation>who is calling</translation>
    </message>
    <message>
        <source>the short description</source>
        <translation>the short description</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>the name</translation>
    </message>
    <message>
        <source>the relation</source>
        <translation>the relation</translation>
    </message>
    <message>
        <source>the summary</source>
        <translation>the summary</translation>
    </message>
    <message>
        <source>the start time</source>
        <translation>the start time</translation>
    </message>
    <message>
        <source>the end time</source>
        <translation>the end time</translation>
    </message>
    <message>
        <source>the question</source>
        <translation>the question</translation>
    </message>
    <message>
        <source>the urgency</source>
        <translation>the urgency</translation>
    </message>
    <message>
        <source>the advice</source>
        <translation>the advice</translation>
    </message>
    <message>
        <source>the agreements</source>
        <translation>the agreements</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>the note</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>the text</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>the reason</translation>
    </message>
    <message>
        <source>what changed</source>
        <translation>what changed</translation>
    </message>
    <message>
        <source>the closing note</source>
        <translation>the closing note</translation>
    </message>
    <message>
        <source>the outcome of the night</source>
        <translation>the outcome of the night</translation>
    </message>
    <message>
        <source>the complexity</source>
        <translation>the complexity</translation>
    </message>
    <message>
        <source>the problem areas</source>
        <translation>the problem areas</translation>
    </message>
    <message>
        <source>the risk flags</source>
        <translation>the risk flags</translation>
    </message>
    <message>
        <source>the kind</source>
        <translation>the kind</translation>
    </message>
    <message>
        <source>the receiver</source>
        <translation>the receiver</translation>
    </message>
    <message>
        <source>the organisation</source>
        <translation>the organisation</translation>
    </message>
    <message>
        <source>the contact person</source>
        <translation>the contact person</translation>
    </message>
    <message>
        <source>the legal ground</source>
        <translation>the legal ground</translation>
    </message>
    <message>
        <source>the step</source>
        <translation>the step</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>the time</translation>
    </message>
    <message>
        <source>the date of the consent</source>
        <translation>the date of the consent</translation>
    </message>
    <message>
        <source>the parent or guardian</source>
        <translation>the parent or guardian</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>valid until</translation>
    </message>
    <message>
        <source>the kind of consent</source>
        <translation>the kind of consent</translation>
    </message>
    <message>
        <source>the professional</source>
        <translation>the professional</translation>
    </message>
    <message>
        <source>the professional&apos;s phone</source>
        <translation>the professional&apos;s phone</translation>
    </message>
    <message>
        <source>the legal measure</source>
        <translation>the legal measure</translation>
    </message>
    <message>
        <source>the date of the meeting</source>
        <translation>the date of the meeting</translation>
    </message>
    <message>
        <source>the planned date</source>
        <translation>the planned date</translation>
    </message>
    <message>
        <source>the participants</source>
        <translation>the participants</translation>
    </message>
    <message>
        <source>what went well</source>
        <translation>what went well</translation>
    </message>
    <message>
        <source>what could be better</source>
        <translation>what could be better</translation>
    </message>
    <message>
        <source>the status</source>
        <translation>the status</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>the user name</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>the password</translation>
    </message>
    <message>
        <source>your current password</source>
        <translation>your current password</translation>
    </message>
    <message>
        <source>the new password</source>
        <translation>the new password</translation>
    </message>
    <message>
        <source>the six-digit code</source>
        <translation>the six-digit code</translation>
    </message>
    <message>
        <source>the shift note</source>
        <translation>the shift note</translation>
    </message>
    <message>
        <source>the youth</source>
        <translation>the youth</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>the case</translation>
    </message>
    <message>
        <source>the consult</source>
        <translation>the consult</translation>
    </message>
    <message>
        <source>the handover</source>
        <translation>the handover</translation>
    </message>
    <message>
        <source>the evaluation</source>
        <translation>the evaluation</translation>
    </message>
    <message>
        <source>the proposal</source>
        <translation>the proposal</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>the user</translation>
    </message>
    <message>
        <source>the break-the-glass</source>
        <translation>the break-the-glass</translation>
    </message>
    <message>
        <source>the pre-registration</source>
        <translation>the pre-registration</translation>
    </message>
    <message>
        <source>the consent</source>
        <translation>the consent</translation>
    </message>
    <message>
        <source>the start of the call</source>
        <translation>the start of the call</translation>
    </message>
    <message>
        <source>the Meldcode track</source>
        <translation>the Meldcode track</translation>
    </message>
    <message>
        <source>the signals</source>
        <translation>the signals</translation>
    </message>
    <message>
        <source>who was consulted</source>
        <translation>who was consulted</translation>
    </message>
    <message>
        <source>the conversation</source>
        <translation>the conversation</translation>
    </message>
    <message>
        <source>with whom the conversation was held</source>
        <translation>with whom the conversation was held</translation>
    </message>
    <message>
        <source>the conversation&apos;s note</source>
        <translation>the conversation&apos;s note</translation>
    </message>
    <message>
        <source>question 1 (suspicion)</source>
        <translation>question 1 (suspicion)</translation>
    </message>
    <message>
        <source>question 2 (unsafety)</source>
        <translation>question 2 (unsafety)</translation>
    </message>
    <message>
        <source>question 3 (help possible)</source>
        <translation>question 3 (help possible)</translation>
    </message>
    <message>
        <source>question 4 (help accepted)</source>
        <translation>question 4 (help accepted)</translation>
    </message>
    <message>
        <source>question 5 (lasting safety)</source>
        <translation>question 5 (lasting safety)</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>the decision</translation>
    </message>
    <message>
        <source>Veilig Thuis&apos; reference</source>
        <translation>Veilig Thuis&apos; reference</translation>
    </message>
</context>
<context>
    <name>PlanFormat</name>
    <message>
        <source>Signs: %1</source>
        <translation>Signs: %1</translation>
    </message>
    <message>
        <source>What I do: %1</source>
        <translation>What I do: %1</translation>
    </message>
    <message>
        <source>What others do: %1</source>
        <translation>What others do: %1</translation>
    </message>
    <message>
        <source>Green phase</source>
        <translation>Green phase</translation>
    </message>
    <message>
        <source>Orange phase</source>
        <translation>Orange phase</translation>
    </message>
    <message>
        <source>Red phase</source>
        <translation>Red phase</translation>
    </message>
    <message>
        <source>1. Warning signs</source>
        <translation>1. Warning signs</translation>
    </message>
    <message>
        <source>2. Own coping</source>
        <translation>2. Own coping</translation>
    </message>
    <message>
        <source>3. Distracting people</source>
        <translation>3. Distracting people</translation>
    </message>
    <message>
        <source>3. Distracting places</source>
        <translation>3. Distracting places</translation>
    </message>
    <message>
        <source>4. People who can help</source>
        <translation>4. People who can help</translation>
    </message>
    <message>
        <source>5. Professionals and agencies</source>
        <translation>5. Professionals and agencies</translation>
    </message>
    <message>
        <source>6. Making the environment safe</source>
        <translation>6. Making the environment safe</translation>
    </message>
    <message>
        <source>Crisis workers: do</source>
        <translation>Crisis workers: do</translation>
    </message>
    <message>
        <source>Crisis workers: avoid</source>
        <translation>Crisis workers: avoid</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Plan version %1</source>
        <translation>Plan version %1</translation>
    </message>
    <message>
        <source>by %1, %2 — %3</source>
        <translation>by %1, %2 — %3</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Signs</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>What I do</translation>
    </message>
    <message>
        <source>What others do</source>
        <translation>What others do</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>Offline: from the copy of %1. Read-only; earlier cases are not in the copy.</source>
        <translation>Offline: from the copy of %1. Read-only; earlier cases are not in the copy.</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>There is no plan for this youth.</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>crisis worker</source>
        <translation>crisis worker</translation>
    </message>
    <message>
        <source>psychiatrist</source>
        <translation>psychiatrist</translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Suicidality</source>
        <translation>Suicidality</translation>
    </message>
    <message>
        <source>Suicide attempt</source>
        <translation>Suicide attempt</translation>
    </message>
    <message>
        <source>Self-harm</source>
        <translation>Self-harm</translation>
    </message>
    <message>
        <source>Severe aggression</source>
        <translation>Severe aggression</translation>
    </message>
    <message>
        <source>Domestic violence</source>
        <translation>Domestic violence</translation>
    </message>
    <message>
        <source>Substance use</source>
        <translation>Substance use</translation>
    </message>
    <message>
        <source>Runaway</source>
        <translation>Runaway</translation>
    </message>
    <message>
        <source>Psychosis</source>
        <translation>Psychosis</translation>
    </message>
    <message>
        <source>Child abuse</source>
        <translation>Child abuse</translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation>Stayed home</translation>
    </message>
    <message>
        <source>With own network</source>
        <translation>With own network</translation>
    </message>
    <message>
        <source>Crisis placement</source>
        <translation>Crisis placement</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>not yet known</source>
        <translation>not yet known</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>complex</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <source>Outgoing call</source>
        <translation>Outgoing call</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Youth</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>GP</source>
        <translation>GP</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>&amp;Advice</source>
        <translation>&amp;Advice</translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation>A&amp;greements</translation>
    </message>
    <message>
        <source>&amp;De-escalating conversation</source>
        <translation>De-&amp;escalating conversation</translation>
    </message>
    <message>
        <source>&amp;Network engaged</source>
        <translation>&amp;Network engaged</translation>
    </message>
    <message>
        <source>&amp;Home visit</source>
        <translation>&amp;Home visit</translation>
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
        <translation>Within the shift</translation>
    </message>
    <message>
        <source>Within the hour</source>
        <translation>Within the hour</translation>
    </message>
    <message>
        <source>Now, call back</source>
        <translation>Now, call back</translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation>Ongoing care</translation>
    </message>
    <message>
        <source>Intensive home treatment</source>
        <translation>Intensive home treatment</translation>
    </message>
    <message>
        <source>Local team</source>
        <translation>Local team</translation>
    </message>
    <message>
        <source>Veilig Thuis</source>
        <translation>Veilig Thuis</translation>
    </message>
    <message>
        <source>Receiver contacted</source>
        <translation>Receiver contacted</translation>
    </message>
    <message>
        <source>Family contacted</source>
        <translation>Family contacted</translation>
    </message>
    <message>
        <source>Agreements recorded</source>
        <translation>Agreements recorded</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>escalated</translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation>Pre-registration</translation>
    </message>
    <message>
        <source>Dossier access</source>
        <translation>Dossier access</translation>
    </message>
    <message>
        <source>Inform local team</source>
        <translation>Inform local team</translation>
    </message>
    <message>
        <source>Share plan</source>
        <translation>Share plan</translation>
    </message>
    <message>
        <source>Care provider</source>
        <translation>Care provider</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Supervision order (OTS)</source>
        <translation>Supervision order (OTS)</translation>
    </message>
    <message>
        <source>Guardianship</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Consult requested</source>
        <translation>Consult requested</translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation>Consult answered</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Youth linked</source>
        <translation>Youth linked</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>Not signed in (or the session has ended).</source>
        <translation>Not signed in (or the session has ended).</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>Something in the form is not right.</source>
        <translation>Something in the form is not right.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>Someone else changed this meanwhile; reload and try again.</source>
        <translation>Someone else changed this meanwhile; reload and try again.</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment.</source>
        <translation>Too many attempts; wait a moment.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
    <message numerus="yes">
        <source>about %n years</source>
        <translation>
            <numerusform>about %n year</numerusform>
            <numerusform>about %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>A required field is empty.</source>
        <translation>A required field is empty.</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Fill in %1.</translation>
    </message>
    <message>
        <source>A text is too long.</source>
        <translation>A text is too long.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 is too long: at most %2 characters.</translation>
    </message>
    <message>
        <source>%1 is not right; check what you typed.</source>
        <translation>%1 is not right; check what you typed.</translation>
    </message>
    <message>
        <source>%1 lies in the future; give a time that has passed.</source>
        <translation>%1 lies in the future; give a time that has passed.</translation>
    </message>
    <message>
        <source>The time</source>
        <translation>The time</translation>
    </message>
    <message>
        <source>Your role may not do this. Ask the coordinator if it is needed.</source>
        <translation>Your role may not do this. Ask the coordinator if it is needed.</translation>
    </message>
    <message>
        <source>There is no valid consent for pre-registration. With a reason you can open the plan anyway (break the glass).</source>
        <translation>There is no valid consent for pre-registration. With a reason you can open the plan anyway (break the glass).</translation>
    </message>
    <message>
        <source>There is no valid consent for &quot;%1&quot;. Record the consent first, or give the legal ground.</source>
        <translation>There is no valid consent for &quot;%1&quot;. Record the consent first, or give the legal ground.</translation>
    </message>
    <message>
        <source>The user name or the password is not right.</source>
        <translation>The user name or the password is not right.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: type the six-digit code from your authenticator app.</source>
        <translation>Your role needs a second factor: type the six-digit code from your authenticator app.</translation>
    </message>
    <message>
        <source>The six-digit code is not right or was already used; wait for the next code.</source>
        <translation>The six-digit code is not right or was already used; wait for the next code.</translation>
    </message>
    <message>
        <source>This account is disabled; ask the administrator.</source>
        <translation>This account is disabled; ask the administrator.</translation>
    </message>
    <message>
        <source>Your session has ended; sign in again.</source>
        <translation>Your session has ended; sign in again.</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>The password is not right.</translation>
    </message>
    <message>
        <source>You signed in with a one-time password: choose your own password first.</source>
        <translation>You signed in with a one-time password: choose your own password first.</translation>
    </message>
    <message>
        <source>Your own break-the-glass is reviewed by another coordinator.</source>
        <translation>Your own break-the-glass is reviewed by another coordinator.</translation>
    </message>
    <message>
        <source>This no longer exists; refresh the screen.</source>
        <translation>This no longer exists; refresh the screen.</translation>
    </message>
    <message>
        <source>%1 no longer exists (or never did); refresh the screen.</source>
        <translation>%1 no longer exists (or never did); refresh the screen.</translation>
    </message>
    <message>
        <source>This already exists.</source>
        <translation>This already exists.</translation>
    </message>
    <message>
        <source>%1 is already in use or already exists.</source>
        <translation>%1 is already in use or already exists.</translation>
    </message>
    <message>
        <source>This was already done, by you or a colleague; refresh the screen.</source>
        <translation>This was already done, by you or a colleague; refresh the screen.</translation>
    </message>
    <message>
        <source>The case is closed; open a new case for a new call.</source>
        <translation>The case is closed; open a new case for a new call.</translation>
    </message>
    <message>
        <source>The case cannot close while a handover is not confirmed: record the handover&apos;s steps first.</source>
        <translation>The case cannot close while a handover is not confirmed: record the handover&apos;s steps first.</translation>
    </message>
    <message>
        <source>Record the step &quot;%1&quot; first.</source>
        <translation>Record the step &quot;%1&quot; first.</translation>
    </message>
    <message>
        <source>Someone else saved version %1 meanwhile; reload it and make your change again.</source>
        <translation>Someone else saved version %1 meanwhile; reload it and make your change again.</translation>
    </message>
    <message>
        <source>The case has no youth yet: register or link the youth first.</source>
        <translation>The case has no youth yet: register or link the youth first.</translation>
    </message>
    <message>
        <source>This cannot be done now.</source>
        <translation>This cannot be done now.</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full: nothing was saved. Tell the administrator.</source>
        <translation>The server&apos;s storage is full: nothing was saved. Tell the administrator.</translation>
    </message>
    <message>
        <source>The server could not record this in the audit log, so it did not do it; try again.</source>
        <translation>The server could not record this in the audit log, so it did not do it; try again.</translation>
    </message>
    <message>
        <source>This is too large to send.</source>
        <translation>This is too large to send.</translation>
    </message>
    <message>
        <source>Something went wrong on the server; try again or tell the administrator.</source>
        <translation>Something went wrong on the server; try again or tell the administrator.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>problem areas</source>
        <translation>problem areas</translation>
    </message>
    <message>
        <source>risk flags</source>
        <translation>risk flags</translation>
    </message>
    <message>
        <source>complexity</source>
        <translation>complexity</translation>
    </message>
    <message>
        <source>case lead</source>
        <translation>case lead</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>outcome</translation>
    </message>
    <message>
        <source>caller description</source>
        <translation>caller description</translation>
    </message>
    <message>
        <source>other details</source>
        <translation>other details</translation>
    </message>
    <message>
        <source>cases opened in the period</source>
        <translation>cases opened in the period</translation>
    </message>
    <message>
        <source>contacts of those cases</source>
        <translation>contacts of those cases</translation>
    </message>
    <message>
        <source>cases with a recorded outcome</source>
        <translation>cases with a recorded outcome</translation>
    </message>
    <message>
        <source>handovers of those cases</source>
        <translation>handovers of those cases</translation>
    </message>
    <message>
        <source>complex cases opened in the period</source>
        <translation>complex cases opened in the period</translation>
    </message>
    <message>
        <source>next working day</source>
        <translation>next working day</translation>
    </message>
    <message>
        <source>closure day</source>
        <translation>closure day</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>Good Friday</source>
        <translation>Good Friday</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Easter Monday</translation>
    </message>
    <message>
        <source>King&apos;s Day</source>
        <translation>King&apos;s Day</translation>
    </message>
    <message>
        <source>Liberation Day</source>
        <translation>Liberation Day</translation>
    </message>
    <message>
        <source>Ascension Day</source>
        <translation>Ascension Day</translation>
    </message>
    <message>
        <source>Whit Monday</source>
        <translation>Whit Monday</translation>
    </message>
    <message>
        <source>Christmas Day</source>
        <translation>Christmas Day</translation>
    </message>
    <message>
        <source>Boxing Day</source>
        <translation>Boxing Day</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>A case belongs to the period in which it was opened; its contacts, consults, handovers and evaluations are counted with it.</source>
        <translation>A case belongs to the period in which it was opened; its contacts, consults, handovers and evaluations are counted with it.</translation>
    </message>
    <message>
        <source>A case may have several problem areas and risk flags, and a contact several responses: their counts add up to more than the total, and each share is of all cases (or contacts).</source>
        <translation>A case may have several problem areas and risk flags, and a contact several responses: their counts add up to more than the total, and each share is of all cases (or contacts).</translation>
    </message>
    <message>
        <source>Weekend: cases whose shift fell on a Saturday or Sunday (a night belongs to the evening it started); weekday evening: the others.</source>
        <translation>Weekend: cases whose shift fell on a Saturday or Sunday (a night belongs to the evening it started); weekday evening: the others.</translation>
    </message>
    <message>
        <source>Complex cases follow the evaluation rules of the configuration; held: the evaluation was held or finalised.</source>
        <translation>Complex cases follow the evaluation rules of the configuration; held: the evaluation was held or finalised.</translation>
    </message>
    <message>
        <source>Handovers confirmed by their due time: the confirmation was recorded at or before the due time.</source>
        <translation>Handovers confirmed by their due time: the confirmation was recorded at or before the due time.</translation>
    </message>
    <message>
        <source>Pre-registered plan: the youth had a plan before the case was opened.</source>
        <translation>Pre-registered plan: the youth had a plan before the case was opened.</translation>
    </message>
    <message>
        <source>Nobody changes their own roles: another administrator does that.</source>
        <translation>Nobody changes their own roles: another administrator does that.</translation>
    </message>
    <message>
        <source>Your role needs a second factor: set up your authenticator app first (spoedctl totp enroll).</source>
        <translation>Your role needs a second factor: set up your authenticator app first (spoedctl totp enroll).</translation>
    </message>
    <message>
        <source>cases opened in the period (a case may have several problem areas)</source>
        <translation>cases opened in the period (a case may have several problem areas)</translation>
    </message>
    <message>
        <source>cases opened in the period (a case may have several risk flags)</source>
        <translation>cases opened in the period (a case may have several risk flags)</translation>
    </message>
    <message>
        <source>contacts of those cases (a contact may have several responses)</source>
        <translation>contacts of those cases (a contact may have several responses)</translation>
    </message>
    <message>
        <source>proposals made in the period</source>
        <translation>proposals made in the period</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts; try again in %n second.</numerusform>
            <numerusform>Too many attempts; try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many attempts; try again in %n minute.</numerusform>
            <numerusform>Too many attempts; try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is too busy to do this now; try again in a moment.</source>
        <translation>The server is too busy to do this now; try again in a moment.</translation>
    </message>
    <message>
        <source>Meldcode officer</source>
        <translation>Meldcode officer</translation>
    </message>
    <message>
        <source>Meldcode started</source>
        <translation>Meldcode started</translation>
    </message>
    <message>
        <source>Meldcode decided</source>
        <translation>Meldcode decided</translation>
    </message>
    <message>
        <source>Meldcode handed over</source>
        <translation>Meldcode handed over</translation>
    </message>
    <message>
        <source>Report to Veilig Thuis</source>
        <translation>Report to Veilig Thuis</translation>
    </message>
    <message>
        <source>Help organised and followed</source>
        <translation>Help organised and followed</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>not decided</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Colleague</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Not held (safety)</source>
        <translation>Not held (safety)</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Not recorded yet</translation>
    </message>
    <message>
        <source>decided: reported to Veilig Thuis (reference %1)</source>
        <translation>decided: reported to Veilig Thuis (reference %1)</translation>
    </message>
    <message>
        <source>decided: %1</source>
        <translation>decided: %1</translation>
    </message>
    <message>
        <source>handed over to %1</source>
        <translation>handed over to %1</translation>
    </message>
    <message>
        <source>open: consult (step 2)</source>
        <translation>open: consult (step 2)</translation>
    </message>
    <message>
        <source>open: the conversation (step 3)</source>
        <translation>open: the conversation (step 3)</translation>
    </message>
    <message>
        <source>open: report required</source>
        <translation>open: report required</translation>
    </message>
    <message>
        <source>open: weigh and decide (steps 4 and 5)</source>
        <translation>open: weigh and decide (steps 4 and 5)</translation>
    </message>
    <message>
        <source>1. Is there a suspicion of (threat of) domestic violence or child abuse?</source>
        <translation>1. Is there a suspicion of (threat of) domestic violence or child abuse?</translation>
    </message>
    <message>
        <source>2. Is there acute or structural unsafety?</source>
        <translation>2. Is there acute or structural unsafety?</translation>
    </message>
    <message>
        <source>3. Can we offer or organise effective help?</source>
        <translation>3. Can we offer or organise effective help?</translation>
    </message>
    <message>
        <source>4. Do those involved accept that help?</source>
        <translation>4. Do those involved accept that help?</translation>
    </message>
    <message>
        <source>5. Does the help lead to lasting safety (followed for three months)?</source>
        <translation>5. Does the help lead to lasting safety (followed for three months)?</translation>
    </message>
    <message>
        <source>Meldcode tracks of those cases</source>
        <translation>Meldcode tracks of those cases</translation>
    </message>
    <message>
        <source>The case cannot close while its Meldcode track is undecided: decide it, or hand it over with a handover.</source>
        <translation>The case cannot close while its Meldcode track is undecided: decide it, or hand it over with a handover.</translation>
    </message>
    <message>
        <source>The answers require a report to Veilig Thuis; no other decision is possible.</source>
        <translation>The answers require a report to Veilig Thuis; no other decision is possible.</translation>
    </message>
    <message>
        <source>Record a consultation first (step 2).</source>
        <translation>Record a consultation first (step 2).</translation>
    </message>
    <message>
        <source>Record the conversation first, or why it was not held (step 3).</source>
        <translation>Record the conversation first, or why it was not held (step 3).</translation>
    </message>
    <message>
        <source>Answer question %1 of the afwegingskader first.</source>
        <translation>Answer question %1 of the afwegingskader first.</translation>
    </message>
    <message>
        <source>Meldcode officer (aandachtsfunctionaris)</source>
        <translation>Meldcode officer (aandachtsfunctionaris)</translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassDialog</name>
    <message>
        <source>Break the glass</source>
        <translation>Break the glass</translation>
    </message>
    <message>
        <source>There is no valid consent to read this youth&apos;s plan. You can open it anyway when it is needed for the youth&apos;s safety right now. Your reason is recorded, the access holds for this youth only and for a limited time, and a coordinator reviews it.</source>
        <translation>There is no valid consent to read this youth&apos;s plan. You can open it anyway when it is needed for the youth&apos;s safety right now. Your reason is recorded, the access holds for this youth only and for a limited time, and a coordinator reviews it.</translation>
    </message>
    <message>
        <source>Why you need the plan now (at least 10 characters)</source>
        <translation>Why you need the plan now (at least 10 characters)</translation>
    </message>
    <message>
        <source>&amp;Open the plan</source>
        <translation>&amp;Open the plan</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation>Your &amp;password</translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation>Second &amp;factor</translation>
    </message>
</context>
<context>
    <name>spoed::desk::BreakGlassReviews</name>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Youth</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Also &amp;reviewed</source>
        <translation>Also &amp;reviewed</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Review note (required)</source>
        <translation>Review note (required)</translation>
    </message>
    <message>
        <source>&amp;Justified</source>
        <translation>&amp;Justified</translation>
    </message>
    <message>
        <source>&amp;Not justified</source>
        <translation>&amp;Not justified</translation>
    </message>
    <message>
        <source>justified</source>
        <translation>justified</translation>
    </message>
    <message>
        <source>not justified</source>
        <translation>not justified</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>to review</translation>
    </message>
    <message>
        <source>Review saved.</source>
        <translation>Review saved.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseUpdateForm</name>
    <message>
        <source>Risk flags</source>
        <translation>Risk flags</translation>
    </message>
    <message>
        <source>tags for the figures, separated by commas</source>
        <translation>tags for the figures, separated by commas</translation>
    </message>
    <message>
        <source>Sa&amp;ve case</source>
        <translation>Sa&amp;ve case</translation>
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
        <translation>Comple&amp;xity</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Case closed.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CaseView</name>
    <message>
        <source>Youth and &amp;plan</source>
        <translation>Youth and &amp;plan</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log &amp;contact</source>
        <translation>Log &amp;contact</translation>
    </message>
    <message>
        <source>Consu&amp;lt</source>
        <translation>Consu&amp;lt</translation>
    </message>
    <message>
        <source>Case &amp;details</source>
        <translation>Case &amp;details</translation>
    </message>
    <message>
        <source>Hand&amp;over</source>
        <translation>Hand&amp;over</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>none recorded</translation>
    </message>
    <message>
        <source>&amp;Register or link the youth…</source>
        <translation>&amp;Register or link the youth…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — case %2, %3, opened %4&lt;br&gt;Risk: %5 — outcome: %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — case %2, %3, opened %4&lt;br&gt;Risk: %5 — outcome: %6</translation>
    </message>
    <message>
        <source>No youth linked yet: register or link the youth to see their plan.</source>
        <translation>No youth linked yet: register or link the youth to see their plan.</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>There is no plan for this youth.</translation>
    </message>
    <message>
        <source>There is no valid consent to show the plan here. In the look-up you can open it with a reason (break the glass).</source>
        <translation>There is no valid consent to show the plan here. In the look-up you can open it with a reason (break the glass).</translation>
    </message>
    <message>
        <source>A&amp;buse (Meldcode)</source>
        <translation>A&amp;buse (Meldcode)</translation>
    </message>
</context>
<context>
    <name>spoed::desk::CommandLine</name>
    <message>
        <source>The desk of Spoed: look up youths and their plans, log crisis calls, consult the psychiatrist, hand over to regular care.</source>
        <translation>The desk of Spoed: look up youths and their plans, log crisis calls, consult the psychiatrist, hand over to regular care.</translation>
    </message>
    <message>
        <source>Show this help and quit.</source>
        <translation>Show this help and quit.</translation>
    </message>
    <message>
        <source>Show the version and quit.</source>
        <translation>Show the version and quit.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. https://localhost:8443.</source>
        <translation>The server&apos;s address, e.g. https://localhost:8443.</translation>
    </message>
    <message>
        <source>The CA file that signed the server&apos;s certificate.</source>
        <translation>The CA file that signed the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The language: nl or en.</source>
        <translation>The language: nl or en.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unexpected argument: %1</translation>
    </message>
    <message>
        <source>--lang takes nl or en, not %1</source>
        <translation>--lang takes nl or en, not %1</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ConsultQueue</name>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Your advice to the crisis worker</source>
        <translation>Your advice to the crisis worker</translation>
    </message>
    <message>
        <source>Send &amp;advice</source>
        <translation>Send &amp;advice</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consult requests&lt;/b&gt;</source>
        <translation>&lt;b&gt;Consult requests&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Case (read-only)</source>
        <translation>Case (read-only)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question&lt;/b&gt; (%1, %2):&lt;br&gt;%3</source>
        <translation>&lt;b&gt;Question&lt;/b&gt; (%1, %2):&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>Advice given</source>
        <translation>Advice given</translation>
    </message>
    <message>
        <source>&lt;i&gt;The youth is not known in this case.&lt;/i&gt;</source>
        <translation>&lt;i&gt;The youth is not known in this case.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Advice sent.</source>
        <translation>Advice sent.</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Youth</translation>
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
        <translation>Advice — %1</translation>
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
        <translation>Your question for the backup psychiatrist</translation>
    </message>
    <message>
        <source>As&amp;k the psychiatrist</source>
        <translation>As&amp;k the psychiatrist</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <source>&amp;Urgency</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>Type your question for the psychiatrist first.</source>
        <translation>Type your question for the psychiatrist first.</translation>
    </message>
    <message>
        <source>Consult question — %1</source>
        <translation>Consult question — %1</translation>
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
        <translation>What happened, what was agreed</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Log contact (Ctrl+Enter)</source>
        <translation>Log contact (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
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
        <translation>Su&amp;mmary</translation>
    </message>
    <message>
        <source>Plan &amp;version consulted</source>
        <translation>Plan &amp;version consulted</translation>
    </message>
    <message>
        <source>Start the call (F2)</source>
        <translation>Start the call (F2)</translation>
    </message>
    <message>
        <source>The call&apos;s start and end times come from this timer.</source>
        <translation>The call&apos;s start and end times come from this timer.</translation>
    </message>
    <message>
        <source>Call running since %1: %2:%3</source>
        <translation>Call running since %1: %2:%3</translation>
    </message>
    <message>
        <source>Contact — %1</source>
        <translation>Contact — %1</translation>
    </message>
    <message>
        <source>Call without the server — %1</source>
        <translation>Call without the server — %1</translation>
    </message>
</context>
<context>
    <name>spoed::desk::DirectoryView</name>
    <message>
        <source>Organisation / contact</source>
        <translation>Organisation / contact</translation>
    </message>
    <message>
        <source>Kind / role</source>
        <translation>Kind / role</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Edit organisation</translation>
    </message>
    <message>
        <source>one per line: name | role | phone | availability | * for the designated contact</source>
        <translation>one per line: name | role | phone | availability | * for the designated contact</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::DraftSender</name>
    <message>
        <source>Connection is back: sending…</source>
        <translation>Connection is back: sending…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not sent yet: the server cannot be reached. It stays here and is sent as soon as the connection is back.</source>
        <translation>Not sent yet: the server cannot be reached. It stays here and is sent as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Text that was not sent yet is back. Check it and save it.</source>
        <translation>Text that was not sent yet is back. Check it and save it.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::EvaluationsView</name>
    <message>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>finalised</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>planned by hand</source>
        <translation>planned by hand</translation>
    </message>
    <message>
        <source>marked complex</source>
        <translation>marked complex</translation>
    </message>
    <message>
        <source>crisis placement</source>
        <translation>crisis placement</translation>
    </message>
    <message>
        <source>admission</source>
        <translation>admission</translation>
    </message>
    <message>
        <source>suicide attempt</source>
        <translation>suicide attempt</translation>
    </message>
    <message>
        <source>repeat crises</source>
        <translation>repeat crises</translation>
    </message>
    <message>
        <source>with own network</source>
        <translation>with own network</translation>
    </message>
    <message>
        <source>stayed home</source>
        <translation>stayed home</translation>
    </message>
    <message>
        <source>risk flag</source>
        <translation>risk flag</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>&amp;Plan an evaluation of case</source>
        <translation>&amp;Plan an evaluation of case</translation>
    </message>
    <message>
        <source>&amp;Held on</source>
        <translation>&amp;Held on</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>partly</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>The evaluation changes the safety plan</source>
        <translation>The evaluation changes the safety plan</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Sa&amp;ve</translation>
    </message>
    <message>
        <source>&amp;Finalise (read-only afterwards)</source>
        <translation>&amp;Finalise (read-only afterwards)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>Add &amp;comment</source>
        <translation>Add &amp;comment</translation>
    </message>
    <message>
        <source>Meeting &amp;planned for</source>
        <translation>Meeting pla&amp;nned for</translation>
    </message>
    <message>
        <source>Pa&amp;rticipants</source>
        <translation>Pa&amp;rticipants</translation>
    </message>
    <message>
        <source>Care already given</source>
        <translation>Care already given</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>What went well</translation>
    </message>
    <message>
        <source>What could be better</source>
        <translation>What could be better</translation>
    </message>
    <message>
        <source>Right help at the right time?</source>
        <translation>Right help at the right time?</translation>
    </message>
    <message>
        <source>What prevents a next crisis</source>
        <translation>What prevents a next crisis</translation>
    </message>
    <message>
        <source>Plan changes</source>
        <translation>Plan changes</translation>
    </message>
    <message>
        <source>New plan version</source>
        <translation>New plan version</translation>
    </message>
    <message>
        <source>Evaluation planned.</source>
        <translation>Evaluation planned.</translation>
    </message>
    <message>
        <source>Finalised.</source>
        <translation>Finalised.</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>Comment added.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Choose an evaluation on the left.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Choose an evaluation on the left.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review&lt;/b&gt;</source>
        <translation>&lt;b&gt;Review&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Evaluation — %1</source>
        <translation>Evaluation — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Evaluation: %1&lt;/b&gt; (case %2) — %3, due by %4&lt;br&gt;Why: %5</source>
        <translation>&lt;b&gt;Evaluation: %1&lt;/b&gt; (case %2) — %3, due by %4&lt;br&gt;Why: %5</translation>
    </message>
    <message>
        <source>Text that was not saved yet is back. Check it and save.</source>
        <translation>Text that was not saved yet is back. Check it and save.</translation>
    </message>
    <message>
        <source>youth</source>
        <translation>youth</translation>
    </message>
    <message>
        <source>family</source>
        <translation>family</translation>
    </message>
    <message>
        <source>one per line: organisation | name | role; for the youth or family: youth | name or family | name | role</source>
        <translation>one per line: organisation | name | role; for the youth or family: youth | name or family | name | role</translation>
    </message>
</context>
<context>
    <name>spoed::desk::FiguresView</name>
    <message>
        <source>per month</source>
        <translation>per month</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>per quarter</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Sh&amp;ow</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Of</source>
        <translation>Of</translation>
    </message>
    <message>
        <source>The story behind the figures of this period (geteld én verteld)</source>
        <translation>The story behind the figures of this period (geteld én verteld)</translation>
    </message>
    <message>
        <source>Save &amp;narrative</source>
        <translation>Save &amp;narrative</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <source>consults</source>
        <translation>consults</translation>
    </message>
    <message>
        <source>handovers</source>
        <translation>handovers</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>evaluations</translation>
    </message>
    <message>
        <source>proposals</source>
        <translation>proposals</translation>
    </message>
    <message>
        <source>Export &amp;records (CSV)…</source>
        <translation>Export &amp;records (CSV)…</translation>
    </message>
    <message>
        <source>Export &amp;figures (CSV)…</source>
        <translation>Export &amp;figures (CSV)…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Narrative saved.</source>
        <translation>Narrative saved.</translation>
    </message>
    <message>
        <source>Export figures</source>
        <translation>Export figures</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Export records</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Cases and contacts per period</source>
        <translation>Cases and contacts per period</translation>
    </message>
    <message>
        <source>Outcome of the night</source>
        <translation>Outcome of the night</translation>
    </message>
    <message>
        <source>Weekday evenings</source>
        <translation>Weekday evenings</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Weekends</translation>
    </message>
    <message>
        <source>Stayed home</source>
        <translation>Stayed home</translation>
    </message>
    <message>
        <source>Consults</source>
        <translation>Consults</translation>
    </message>
    <message>
        <source>Complex cases</source>
        <translation>Complex cases</translation>
    </message>
    <message>
        <source>With a pre-registered plan</source>
        <translation>With a pre-registered plan</translation>
    </message>
    <message>
        <source>Handovers confirmed by their due time</source>
        <translation>Handovers confirmed by their due time</translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation>Age %1</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
    <message>
        <source>Problem area: %1</source>
        <translation>Problem area: %1</translation>
    </message>
    <message>
        <source>Cases in %1</source>
        <translation>Cases in %1</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>figure</translation>
    </message>
    <message>
        <source>count</source>
        <translation>count</translation>
    </message>
    <message>
        <source>share</source>
        <translation>share</translation>
    </message>
    <message>
        <source>of</source>
        <translation>of</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
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
        <translation>Calls and visits</translation>
    </message>
    <message>
        <source>Repeat callers</source>
        <translation>Repeat callers</translation>
    </message>
    <message>
        <source>Age unknown</source>
        <translation>Age unknown</translation>
    </message>
    <message>
        <source>Youths with %1 or more cases within %2 days, at least one of them opened in the period</source>
        <translation>Youths with %1 or more cases within %2 days, at least one of them opened in the period</translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverBoard</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Also &amp;confirmed</source>
        <translation>Also &amp;confirmed</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>The agreements made (needed for &apos;agreements recorded&apos;)</source>
        <translation>The agreements made (needed for &apos;agreements recorded&apos;)</translation>
    </message>
    <message>
        <source>&amp;Escalate…</source>
        <translation>&amp;Escalate…</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>A&amp;greements</source>
        <translation>A&amp;greements</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Contact: %3, %4&lt;br&gt;Due: %5 (%6)&lt;br&gt;State: %7</source>
        <translation>&lt;b&gt;%1 to %2&lt;/b&gt;&lt;br&gt;Contact: %3, %4&lt;br&gt;Due: %5 (%6)&lt;br&gt;State: %7</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Agreements: %1</source>
        <translation>Agreements: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Record: %1</source>
        <translation>Record: %1</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <source>Escalate handover</source>
        <translation>Escalate handover</translation>
    </message>
    <message>
        <source>Why it cannot be confirmed yet:</source>
        <translation>Why it cannot be confirmed yet:</translation>
    </message>
    <message>
        <source>Escalated.</source>
        <translation>Escalated.</translation>
    </message>
    <message>
        <source>Youth / caller</source>
        <translation>Youth / caller</translation>
    </message>
</context>
<context>
    <name>spoed::desk::HandoverForm</name>
    <message>
        <source>only without consent, e.g. the reporting code (meldcode)</source>
        <translation>only without consent, e.g. the reporting code (meldcode)</translation>
    </message>
    <message>
        <source>Start &amp;handover</source>
        <translation>Start hando&amp;ver</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>From the &amp;directory</source>
        <translation>From the director&amp;y</translation>
    </message>
    <message>
        <source>Or &amp;name</source>
        <translation>Or &amp;name</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>Contact p&amp;erson</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;Legal ground</source>
        <translation>Le&amp;gal ground</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>— typed in below —</source>
        <translation>— typed in below —</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2 — due %3 — %4</source>
        <translation>%1 to %2 — due %3 — %4</translation>
    </message>
    <message>
        <source>Handovers of this case</source>
        <translation>Handovers of this case</translation>
    </message>
</context>
<context>
    <name>spoed::desk::LoginWindow</name>
    <message>
        <source>Spoed — sign in</source>
        <translation>Spoed — sign in</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Spoed voor Jeugd&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Spoed voor Jeugd&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted certificates</source>
        <translation>empty: the system&apos;s trusted certificates</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>only for psychiatrists and administrators</source>
        <translation>only for psychiatrists and administrators</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Se&amp;rver</source>
        <translation>Se&amp;rver</translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation>&amp;CA file</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Second &amp;factor</source>
        <translation>Second &amp;factor</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM files (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Fill in your user name and password.</source>
        <translation>Fill in your user name and password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>You signed in with a one-time password. Choose your own (at least 12 characters):</source>
        <translation>You signed in with a one-time password. Choose your own (at least 12 characters):</translation>
    </message>
    <message>
        <source>The same password again:</source>
        <translation>The same password again:</translation>
    </message>
    <message>
        <source>The new passwords were empty or not the same; sign in again with the one-time password.</source>
        <translation>The new passwords were empty or not the same; sign in again with the one-time password.</translation>
    </message>
    <message>
        <source>Set up your second factor</source>
        <translation>Set up your second factor</translation>
    </message>
    <message>
        <source>Your role needs a second factor. Add this key to your authenticator app:

%1

(%2)

Then type the six-digit code it shows:</source>
        <translation>Your role needs a second factor. Add this key to your authenticator app:

%1

(%2)

Then type the six-digit code it shows:</translation>
    </message>
    <message>
        <source>The second factor was not set up; sign in again to do it.</source>
        <translation>The second factor was not set up; sign in again to do it.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so Spoed did not connect. Check the server address and the CA file, or ask the administrator.</source>
        <translation>The server&apos;s certificate could not be verified, so Spoed did not connect. Check the server address and the CA file, or ask the administrator.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Continue &amp;offline with the copy</source>
        <translation>Continue &amp;offline with the copy</translation>
    </message>
    <message>
        <source>The plans are on this computer as an offline copy: with your password you can go on without the server.</source>
        <translation>The plans are on this computer as an offline copy: with your password you can go on without the server.</translation>
    </message>
    <message>
        <source>This password does not open the offline copy on this computer.</source>
        <translation>This password does not open the offline copy on this computer.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be opened (it was changed) and has been removed.</source>
        <translation>The offline copy on this computer could not be opened (it was changed) and has been removed.</translation>
    </message>
    <message>
        <source>the desk started without the server</source>
        <translation>the desk started without the server</translation>
    </message>
</context>
<context>
    <name>spoed::desk::LookupPanel</name>
    <message>
        <source>pre-registered</source>
        <translation>pre-registered</translation>
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
        <translation>Name, phone number or date of birth</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>&amp;Open a new case</source>
        <translation>&amp;Open a new case</translation>
    </message>
    <message>
        <source>&amp;Break the glass…</source>
        <translation>&amp;Break the glass…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Earlier cases</source>
        <translation>Earlier cases</translation>
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
        <translation>No one known with this number</translation>
    </message>
    <message>
        <source>No one found</source>
        <translation>No one found</translation>
    </message>
    <message>
        <source>Consent: %1</source>
        <translation>Consent: %1</translation>
    </message>
    <message>
        <source>There is no plan for this youth.</source>
        <translation>There is no plan for this youth.</translation>
    </message>
    <message>
        <source>Opened by breaking the glass, until %1. This use is reviewed by a coordinator.</source>
        <translation>Opened by breaking the glass, until %1. This use is reviewed by a coordinator.</translation>
    </message>
    <message>
        <source>Case for an &amp;unknown caller…</source>
        <translation>Case for an &amp;unknown caller…</translation>
    </message>
    <message>
        <source>Nobody known: open a case for this caller now; the youth can be registered or linked during or after the call. Enter in the look-up does the same.</source>
        <translation>Nobody known: open a case for this caller now; the youth can be registered or linked during or after the call. Enter in the look-up does the same.</translation>
    </message>
    <message>
        <source>This youth has an open case</source>
        <translation>This youth has an open case</translation>
    </message>
    <message>
        <source>&amp;Continue the open case</source>
        <translation>&amp;Continue the open case</translation>
    </message>
    <message>
        <source>Open a &amp;second case</source>
        <translation>Open a &amp;second case</translation>
    </message>
    <message>
        <source>Case for an unknown caller</source>
        <translation>Case for an unknown caller</translation>
    </message>
    <message>
        <source>e.g. father of a boy of about 14, Veendam</source>
        <translation>e.g. father of a boy of about 14, Veendam</translation>
    </message>
    <message>
        <source>&amp;Who is calling</source>
        <translation>&amp;Who is calling</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <source>&amp;Short description</source>
        <translation>&amp;Short description</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Open the case</translation>
    </message>
    <message>
        <source>Nobody is known with this number or name. The case opens without a youth; register or link the youth during or after the call.</source>
        <translation>Nobody is known with this number or name. The case opens without a youth; register or link the youth during or after the call.</translation>
    </message>
    <message>
        <source>Describe the caller in a few words: who calls, about whom.</source>
        <translation>Describe the caller in a few words: who calls, about whom.</translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2.</source>
        <translation>%1 has an open case, opened %2.</translation>
    </message>
    <message>
        <source>%1 has an open case, opened %2 by %3.</source>
        <translation>%1 has an open case, opened %2 by %3.</translation>
    </message>
    <message>
        <source>Continue that case, or open a second one?</source>
        <translation>Continue that case, or open a second one?</translation>
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
        <translation>%1 years, born %2</translation>
    </message>
    <message>
        <source>%1, %2. Phone: %3&lt;br&gt;Network: %4</source>
        <translation>%1, %2. Phone: %3&lt;br&gt;Network: %4</translation>
    </message>
    <message>
        <source>No one found in the offline copy</source>
        <translation>No one found in the offline copy</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MainWindow</name>
    <message>
        <source>Spoed — %1 (%2)</source>
        <translation>Spoed — %1 (%2)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>&amp;Spoed</source>
        <translation>&amp;Spoed</translation>
    </message>
    <message>
        <source>&amp;Refresh everything</source>
        <translation>&amp;Refresh everything</translation>
    </message>
    <message>
        <source>&amp;Language (after restart)</source>
        <translation>&amp;Language (after restart)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Spoed</source>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Consult answered</source>
        <translation>Consult answered</translation>
    </message>
    <message>
        <source>The psychiatrist answered a consult of case %1.</source>
        <translation>The psychiatrist answered a consult of case %1.</translation>
    </message>
    <message>
        <source>Handover overdue</source>
        <translation>Handover overdue</translation>
    </message>
    <message>
        <source>A handover of case %1 is past its due time.</source>
        <translation>A handover of case %1 is past its due time.</translation>
    </message>
    <message>
        <source>Break-the-glass used</source>
        <translation>Break-the-glass used</translation>
    </message>
    <message>
        <source>A plan was opened without consent; it waits for your review.</source>
        <translation>A plan was opened without consent; it waits for your review.</translation>
    </message>
    <message>
        <source>● Connected to %1</source>
        <translation>● Connected to %1</translation>
    </message>
    <message>
        <source> (live updates reconnecting)</source>
        <translation> (live updates reconnecting)</translation>
    </message>
    <message>
        <source>● No connection — what you write is kept and sent when the server is back</source>
        <translation>● No connection — what you write is kept and sent when the server is back</translation>
    </message>
    <message>
        <source>● Server refused: its certificate does not verify</source>
        <translation>● Server refused: its certificate does not verify</translation>
    </message>
    <message>
        <source>● Signed out</source>
        <translation>● Signed out</translation>
    </message>
    <message>
        <source>No shift has been set for tonight.</source>
        <translation>No shift has been set for tonight.</translation>
    </message>
    <message>
        <source>&lt;b&gt;On duty tonight:&lt;/b&gt; %1 &amp;nbsp; — &amp;nbsp; &lt;b&gt;Backup psychiatrist:&lt;/b&gt; %2 (%3)</source>
        <translation>&lt;b&gt;On duty tonight:&lt;/b&gt; %1 &amp;nbsp; — &amp;nbsp; &lt;b&gt;Backup psychiatrist:&lt;/b&gt; %2 (%3)</translation>
    </message>
    <message>
        <source>Urgent consult: %1</source>
        <translation>Urgent consult: %1</translation>
    </message>
    <message>
        <source>Consult requested: %1</source>
        <translation>Consult requested: %1</translation>
    </message>
    <message>
        <source>Consult request about %1.</source>
        <translation>Consult request about %1.</translation>
    </message>
    <message>
        <source>a case</source>
        <translation>a case</translation>
    </message>
    <message>
        <source>Shift board</source>
        <translation>Shift board</translation>
    </message>
    <message>
        <source>Consults</source>
        <translation>Consults</translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <source>Look-up</source>
        <translation>Look-up</translation>
    </message>
    <message>
        <source>Pre-registration and plan</source>
        <translation>Pre-registration and plan</translation>
    </message>
    <message>
        <source>Break-the-glass reviews</source>
        <translation>Break-the-glass reviews</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Improvement proposals</source>
        <translation>Improvement proposals</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>Partner directory</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <source>This case has text that has not reached the server yet.</source>
        <translation>This case has text that has not reached the server yet.</translation>
    </message>
    <message>
        <source>Text not sent yet</source>
        <translation>Text not sent yet</translation>
    </message>
    <message>
        <source>It stays on this computer, sealed with your password, and comes back when you open the case again or sign in again.</source>
        <translation>It stays on this computer, sealed with your password, and comes back when you open the case again or sign in again.</translation>
    </message>
    <message>
        <source>It cannot be kept on this computer: it is lost when you close.</source>
        <translation>It cannot be kept on this computer: it is lost when you close.</translation>
    </message>
    <message>
        <source>&amp;Keep the text and close</source>
        <translation>&amp;Keep the text and close</translation>
    </message>
    <message>
        <source>Close and &amp;lose the text</source>
        <translation>Close and &amp;lose the text</translation>
    </message>
    <message>
        <source>Some of what you wrote has not reached the server yet.</source>
        <translation>Some of what you wrote has not reached the server yet.</translation>
    </message>
    <message>
        <source>Earlier drafts</source>
        <translation>Earlier drafts</translation>
    </message>
    <message>
        <source>You wrote this earlier and it has not reached the server yet:
%1

Open it again to check and send it?</source>
        <translation>You wrote this earlier and it has not reached the server yet:
%1

Open it again to check and send it?</translation>
    </message>
    <message>
        <source>&amp;Open the drafts</source>
        <translation>&amp;Open the drafts</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Meldcode</source>
        <translation>Meldcode</translation>
    </message>
    <message>
        <source>This call has text that has not reached the server yet.</source>
        <translation>This call has text that has not reached the server yet.</translation>
    </message>
    <message>
        <source>The offline copy could not be written: %1</source>
        <translation>The offline copy could not be written: %1</translation>
    </message>
    <message>
        <source>Offline — copy of %1. Look-up and plans work from the copy, read-only; a call is written down and sent as soon as the server is back.</source>
        <translation>Offline — copy of %1. Look-up and plans work from the copy, read-only; a call is written down and sent as soon as the server is back.</translation>
    </message>
    <message>
        <source>Offline — there is no copy of the plans on this computer. What you write is kept and sent when the server is back.</source>
        <translation>Offline — there is no copy of the plans on this computer. What you write is kept and sent when the server is back.</translation>
    </message>
    <message>
        <source>Call — %1</source>
        <translation>Call — %1</translation>
    </message>
    <message>
        <source>The server can be reached again. Please sign in: what you wrote and read offline is sent then.</source>
        <translation>The server can be reached again. Please sign in: what you wrote and read offline is sent then.</translation>
    </message>
    <message>
        <source>The offline copy on this computer could not be opened (it was changed, or sealed with another password) and has been removed; a new one is made now.</source>
        <translation>The offline copy on this computer could not be opened (it was changed, or sealed with another password) and has been removed; a new one is made now.</translation>
    </message>
    <message>
        <source>The drafts kept on this computer could not be opened with your password, or were changed; they were set aside.</source>
        <translation>The drafts kept on this computer could not be opened with your password, or were changed; they were set aside.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MeldcodeBoard</name>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Where it stands</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Also &amp;decided and handed-over tracks</source>
        <translation>Also &amp;decided and handed-over tracks</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Meldcode tracks, undecided first. Enter opens the case.</source>
        <translation>Meldcode tracks, undecided first. Enter opens the case.</translation>
    </message>
    <message>
        <source>There are no Meldcode tracks.</source>
        <translation>There are no Meldcode tracks.</translation>
    </message>
    <message>
        <source>No track is undecided.</source>
        <translation>No track is undecided.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::MeldcodeForm</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Start a Meldcode track</source>
        <translation>Start a Meldcode track</translation>
    </message>
    <message>
        <source>What was seen or heard that points to domestic violence or child abuse</source>
        <translation>What was seen or heard that points to domestic violence or child abuse</translation>
    </message>
    <message>
        <source>&amp;1. Signals</source>
        <translation>&amp;1. Signals</translation>
    </message>
    <message>
        <source>2. Consultation</source>
        <translation>2. Consultation</translation>
    </message>
    <message>
        <source>name, function, organisation</source>
        <translation>name, function, organisation</translation>
    </message>
    <message>
        <source>Discussed &amp;anonymously (without naming the family)</source>
        <translation>Discussed &amp;anonymously (without naming the family)</translation>
    </message>
    <message>
        <source>R&amp;ecord consultation</source>
        <translation>R&amp;ecord consultation</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>Aandachtsf&amp;unctionaris</source>
        <translation>Aandachtsf&amp;unctionaris</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <source>Ad&amp;vice</source>
        <translation>Ad&amp;vice</translation>
    </message>
    <message>
        <source>Signals, conversation and the afwegingskader</source>
        <translation>Signals, conversation and the afwegingskader</translation>
    </message>
    <message>
        <source>e.g. the youth and the mother</source>
        <translation>e.g. the youth and the mother</translation>
    </message>
    <message>
        <source>What was said; or why it was not held</source>
        <translation>What was said; or why it was not held</translation>
    </message>
    <message>
        <source>&amp;3. Conversation</source>
        <translation>&amp;3. Conversation</translation>
    </message>
    <message>
        <source>W&amp;ith whom</source>
        <translation>W&amp;ith whom</translation>
    </message>
    <message>
        <source>&amp;How it went, or why not</source>
        <translation>&amp;How it went, or why not</translation>
    </message>
    <message>
        <source>&lt;b&gt;4 and 5. The afwegingskader&lt;/b&gt;</source>
        <translation>&lt;b&gt;4 and 5. The afwegingskader&lt;/b&gt;</translation>
    </message>
    <message>
        <source>why</source>
        <translation>why</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Re&amp;gister the decision</source>
        <translation>Re&amp;gister the decision</translation>
    </message>
    <message>
        <source>Decisio&amp;n</source>
        <translation>Decisio&amp;n</translation>
    </message>
    <message>
        <source>Veilig Thuis&apos; re&amp;ference</source>
        <translation>Veilig Thuis&apos; re&amp;ference</translation>
    </message>
    <message>
        <source>E&amp;xplanation</source>
        <translation>E&amp;xplanation</translation>
    </message>
    <message>
        <source>Or hand the track over</source>
        <translation>Or hand the track over</translation>
    </message>
    <message>
        <source>Hand the track over with this handover</source>
        <translation>Hand the track over with this handover</translation>
    </message>
    <message>
        <source>The receiving organisation decides; the case can then close.</source>
        <translation>The receiving organisation decides; the case can then close.</translation>
    </message>
    <message>
        <source>B&amp;y handover</source>
        <translation>B&amp;y handover</translation>
    </message>
    <message>
        <source>This case has no Meldcode track. Start one when there are signals of domestic violence or child abuse.</source>
        <translation>This case has no Meldcode track. Start one when there are signals of domestic violence or child abuse.</translation>
    </message>
    <message>
        <source>This case has no Meldcode track.</source>
        <translation>This case has no Meldcode track.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Meldcode: %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Meldcode: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Started %1 by %2</source>
        <translation>&lt;br&gt;Started %1 by %2</translation>
    </message>
    <message>
        <source>1. Signals</source>
        <translation>1. Signals</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>anonymously</source>
        <translation>anonymously</translation>
    </message>
    <message>
        <source>3. Conversation:</source>
        <translation>3. Conversation:</translation>
    </message>
    <message>
        <source>4 and 5. The afwegingskader</source>
        <translation>4 and 5. The afwegingskader</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>The answers require a report to Veilig Thuis: unsafety, or help that cannot be offered, is not accepted or does not lead to lasting safety.</source>
        <translation>The answers require a report to Veilig Thuis: unsafety, or help that cannot be offered, is not accepted or does not lead to lasting safety.</translation>
    </message>
    <message>
        <source>(no aandachtsfunctionaris registered)</source>
        <translation>(no aandachtsfunctionaris registered)</translation>
    </message>
    <message>
        <source>(start a handover first)</source>
        <translation>(start a handover first)</translation>
    </message>
    <message>
        <source>The Meldcode track has started. Consult a colleague, the aandachtsfunctionaris or Veilig Thuis next.</source>
        <translation>The Meldcode track has started. Consult a colleague, the aandachtsfunctionaris or Veilig Thuis next.</translation>
    </message>
    <message>
        <source>Consultation recorded.</source>
        <translation>Consultation recorded.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>The decision is recorded.</source>
        <translation>The decision is recorded.</translation>
    </message>
    <message>
        <source>The track is handed over.</source>
        <translation>The track is handed over.</translation>
    </message>
    <message>
        <source>Start the &amp;track</source>
        <translation>Start the &amp;track</translation>
    </message>
    <message>
        <source>Save the s&amp;teps</source>
        <translation>Save the s&amp;teps</translation>
    </message>
</context>
<context>
    <name>spoed::desk::OfflineCallView</name>
    <message>
        <source>A call written down without the server: saving it opens the case from the call&apos;s start and logs the contact, as soon as the server can be reached.</source>
        <translation>A call written down without the server: saving it opens the case from the call&apos;s start and logs the contact, as soon as the server can be reached.</translation>
    </message>
    <message>
        <source>This youth is not in the offline copy: there is no plan to show.</source>
        <translation>This youth is not in the offline copy: there is no plan to show.</translation>
    </message>
    <message>
        <source>Unknown caller: %1</source>
        <translation>Unknown caller: %1</translation>
    </message>
    <message>
        <source>No youth is known for this call: register or link the youth in the case once the server is back.</source>
        <translation>No youth is known for this call: register or link the youth in the case once the server is back.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::OfflineCopy</name>
    <message numerus="yes">
        <source>The offline copy was not brought up to date for %n hour(s) and has been removed.</source>
        <translation>
            <numerusform>The offline copy was not brought up to date for %n hour and has been removed.</numerusform>
            <numerusform>The offline copy was not brought up to date for %n hours and has been removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your roles changed: the offline copy has been removed.</source>
        <translation>Your roles changed: the offline copy has been removed.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::PlanEditor</name>
    <message>
        <source>Find a youth: name, phone number or date of birth</source>
        <translation>Find a youth: name, phone number or date of birth</translation>
    </message>
    <message>
        <source>Pre-registration</source>
        <translation>Pre-registration</translation>
    </message>
    <message>
        <source>Save pre-registration</source>
        <translation>Save pre-registration</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Professional</translation>
    </message>
    <message>
        <source>Professional&apos;s phone</source>
        <translation>Professional&apos;s phone</translation>
    </message>
    <message>
        <source>Ongoing care</source>
        <translation>Ongoing care</translation>
    </message>
    <message>
        <source>Contact there</source>
        <translation>Contact there</translation>
    </message>
    <message>
        <source>Legal measure</source>
        <translation>Legal measure</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Signs</source>
        <translation>Signs</translation>
    </message>
    <message>
        <source>What I do</source>
        <translation>What I do</translation>
    </message>
    <message>
        <source>What others do</source>
        <translation>What others do</translation>
    </message>
    <message>
        <source>one per line: name | relation | phone</source>
        <translation>one per line: name | relation | phone</translation>
    </message>
    <message>
        <source>one per line</source>
        <translation>one per line</translation>
    </message>
    <message>
        <source>What changed and why (required)</source>
        <translation>What changed and why (required)</translation>
    </message>
    <message>
        <source>Save as &amp;new version</source>
        <translation>Save as &amp;new version</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Plan&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Changes against the previous version:</source>
        <translation>Changes against the previous version:</translation>
    </message>
    <message>
        <source>Pre-registered.</source>
        <translation>Pre-registered.</translation>
    </message>
    <message>
        <source>Not pre-registered (needs consent).</source>
        <translation>Not pre-registered (needs consent).</translation>
    </message>
    <message>
        <source>the editor against its base</source>
        <translation>the editor against its base</translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation>version %1 (%2)</translation>
    </message>
    <message>
        <source>A first version.</source>
        <translation>A first version.</translation>
    </message>
    <message>
        <source>Against version %1:</source>
        <translation>Against version %1:</translation>
    </message>
    <message>
        <source>Version %1 against version %2:</source>
        <translation>Version %1 against version %2:</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Saved as version %1.</translation>
    </message>
    <message>
        <source>Pre-registration saved.</source>
        <translation>Pre-registration saved.</translation>
    </message>
    <message>
        <source>Plan changes — %1</source>
        <translation>Plan changes — %1</translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back. Check them and save.</source>
        <translation>Changes that were not saved yet are back. Check them and save.</translation>
    </message>
    <message>
        <source>Changes that were not saved yet are back; they were made on version %1, and version %2 is the newest now: compare before saving.</source>
        <translation>Changes that were not saved yet are back; they were made on version %1, and version %2 is the newest now: compare before saving.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ProposalsBoard</name>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>discussed</source>
        <translation>discussed</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>adopted</translation>
    </message>
    <message>
        <source>implemented</source>
        <translation>implemented</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>care partner</source>
        <translation>care partner</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>municipality</translation>
    </message>
    <message>
        <source>own team</source>
        <translation>own team</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>all</source>
        <translation>all</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>The proposal, for the care chain</source>
        <translation>The proposal, for the care chain</translation>
    </message>
    <message>
        <source>partner or municipality; empty for the own team</source>
        <translation>partner or municipality; empty for the own team</translation>
    </message>
    <message>
        <source>e.g. bereikbaarheid</source>
        <translation>e.g. bereikbaarheid</translation>
    </message>
    <message>
        <source>evaluation numbers, separated by commas</source>
        <translation>evaluation numbers, separated by commas</translation>
    </message>
    <message>
        <source>&amp;New proposal</source>
        <translation>&amp;New proposal</translation>
    </message>
    <message>
        <source>note (required when rejected)</source>
        <translation>note (required when rejected)</translation>
    </message>
    <message>
        <source>Set s&amp;tatus</source>
        <translation>Set s&amp;tatus</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Chosen proposal:</source>
        <translation>Chosen proposal:</translation>
    </message>
    <message>
        <source>New proposal</source>
        <translation>New proposal</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>T&amp;ext</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>From evaluations</source>
        <translation>From evaluations</translation>
    </message>
    <message>
        <source>Export proposals</source>
        <translation>Export proposals</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Proposal saved.</source>
        <translation>Proposal saved.</translation>
    </message>
    <message>
        <source>Status set.</source>
        <translation>Status set.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>addressed to</source>
        <translation>addressed to</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>theme</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>proposal</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>evaluations</translation>
    </message>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
</context>
<context>
    <name>spoed::desk::RightsBox</name>
    <message>
        <source>Rights of the youth and the parents</source>
        <translation>Rights of the youth and the parents</translation>
    </message>
    <message>
        <source>Add a s&amp;tatement…</source>
        <translation>Add a s&amp;tatement…</translation>
    </message>
    <message>
        <source>Save the inzage e&amp;xport…</source>
        <translation>Save the inzage e&amp;xport…</translation>
    </message>
    <message>
        <source>inzage-%1.html</source>
        <translation>inzage-%1.html</translation>
    </message>
    <message>
        <source>Save the inzage export</source>
        <translation>Save the inzage export</translation>
    </message>
    <message>
        <source>HTML document (*.html)</source>
        <translation>HTML document (*.html)</translation>
    </message>
    <message>
        <source>No statements of the youth or the parents.</source>
        <translation>No statements of the youth or the parents.</translation>
    </message>
    <message>
        <source>Statements of the youth or the parents</source>
        <translation>Statements of the youth or the parents</translation>
    </message>
    <message>
        <source>the youth</source>
        <translation>the youth</translation>
    </message>
    <message>
        <source>a parent</source>
        <translation>a parent</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <source>Statement of the youth or a parent</source>
        <translation>Statement of the youth or a parent</translation>
    </message>
    <message>
        <source>a parent or guardian</source>
        <translation>a parent or guardian</translation>
    </message>
    <message>
        <source>e.g. the contact of 21 November</source>
        <translation>e.g. the contact of 21 November</translation>
    </message>
    <message>
        <source>&amp;By</source>
        <translation>&amp;By</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>&amp;Statement</source>
        <translation>&amp;Statement</translation>
    </message>
    <message>
        <source>Add to the &amp;record</source>
        <translation>Add to the &amp;record</translation>
    </message>
    <message>
        <source>The statement is added to the record and shown with it; nothing written earlier changes.</source>
        <translation>The statement is added to the record and shown with it; nothing written earlier changes.</translation>
    </message>
    <message>
        <source>The statement is added to the record.</source>
        <translation>The statement is added to the record.</translation>
    </message>
    <message>
        <source>Gathering the record…</source>
        <translation>Gathering the record…</translation>
    </message>
    <message>
        <source>The inzage export of %1 is saved: %2 and %3</source>
        <translation>The inzage export of %1 is saved: %2 and %3</translation>
    </message>
    <message>
        <source>The export could not be written to %1.</source>
        <translation>The export could not be written to %1.</translation>
    </message>
    <message>
        <source>Record a destruction re&amp;quest…</source>
        <translation>Record a destruction re&amp;quest…</translation>
    </message>
    <message>
        <source>Destruction request</source>
        <translation>Destruction request</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>granted: remove the personal data now</source>
        <translation>granted: remove the personal data now</translation>
    </message>
    <message>
        <source>&amp;Asked by</source>
        <translation>&amp;Asked by</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation>&amp;Decision</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Re&amp;gister</source>
        <translation>Re&amp;gister</translation>
    </message>
    <message>
        <source>The request goes into the register with the decision and its reason. When it is granted, the youth&apos;s personal data is removed at once and cannot be brought back; the figures and the access log stay.</source>
        <translation>The request goes into the register with the decision and its reason. When it is granted, the youth&apos;s personal data is removed at once and cannot be brought back; the figures and the access log stay.</translation>
    </message>
    <message>
        <source>The refused request is registered.</source>
        <translation>The refused request is registered.</translation>
    </message>
    <message>
        <source>The personal data is removed; the record now shows %1.</source>
        <translation>The personal data is removed; the record now shows %1.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::ShiftBoard</name>
    <message>
        <source>Youth / caller</source>
        <translation>Youth / caller</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Handover to</source>
        <translation>Handover to</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>Note for the next shift</source>
        <translation>Note for the next shift</translation>
    </message>
    <message>
        <source>Save &amp;note</source>
        <translation>Save &amp;note</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Handovers due and overdue</source>
        <translation>Handovers due and overdue</translation>
    </message>
    <message>
        <source>The psychiatrist&apos;s answers</source>
        <translation>The psychiatrist&apos;s answers</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>(waiting) %1</source>
        <translation>(waiting) %1</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Shift notes</source>
        <translation>Shift notes</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <source>Shift note</source>
        <translation>Shift note</translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthLinkDialog</name>
    <message>
        <source>Register or link the youth</source>
        <translation>Register or link the youth</translation>
    </message>
    <message>
        <source>Name, phone number or date of birth</source>
        <translation>Name, phone number or date of birth</translation>
    </message>
    <message>
        <source>&amp;Link to this youth</source>
        <translation>&amp;Link to this youth</translation>
    </message>
    <message>
        <source>&amp;Find a known youth</source>
        <translation>&amp;Find a known youth</translation>
    </message>
    <message>
        <source>Known youth</source>
        <translation>Known youth</translation>
    </message>
    <message>
        <source>Register and l&amp;ink</source>
        <translation>Register and l&amp;ink</translation>
    </message>
    <message>
        <source>New youth</source>
        <translation>New youth</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Given name</translation>
    </message>
    <message>
        <source>Famil&amp;y name</source>
        <translation>Famil&amp;y name</translation>
    </message>
    <message>
        <source>&amp;Phone number</source>
        <translation>&amp;Phone number</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>No one found: register the youth on the right.</source>
        <translation>No one found: register the youth on the right.</translation>
    </message>
    <message>
        <source>Linking…</source>
        <translation>Linking…</translation>
    </message>
    <message>
        <source>Fill in at least the given name.</source>
        <translation>Fill in at least the given name.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>dd-mm-yyyy, or the age if the date is not known</source>
        <translation>dd-mm-yyyy, or the age if the date is not known</translation>
    </message>
    <message>
        <source>&amp;Date of birth or age</source>
        <translation>&amp;Date of birth or age</translation>
    </message>
    <message>
        <source>Type the date of birth as day-month-year, e.g. 14-03-2012, or the age (e.g. 15) if the caller does not know the date.</source>
        <translation>Type the date of birth as day-month-year, e.g. 14-03-2012, or the age (e.g. 15) if the caller does not know the date.</translation>
    </message>
</context>
<context>
    <name>spoed::desk::YouthNames</name>
    <message>
        <source>unknown youth: %1</source>
        <translation>unknown youth: %1</translation>
    </message>
</context>
</TS>
