<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CurationPage</name>
        <message numerus="yes">
            <source>All %n article(s)</source>
            <translation>
                <numerusform>All %n article</numerusform>
                <numerusform>All %n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Counts</name>
        <message numerus="yes">
            <source>%n span(s)</source>
            <translation>
                <numerusform>%n span</numerusform>
                <numerusform>%n spans</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other article(s)</source>
            <translation>
                <numerusform>%n other article</numerusform>
                <numerusform>%n other articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pair(s) of articles</source>
            <translation>
                <numerusform>%n pair of articles</numerusform>
                <numerusform>%n pairs of articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shared passage(s)</source>
            <translation>
                <numerusform>%n shared passage</numerusform>
                <numerusform>%n shared passages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s)</source>
            <translation>
                <numerusform>%n place</numerusform>
                <numerusform>%n places</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n suggestion(s)</source>
            <translation>
                <numerusform>%n suggestion</numerusform>
                <numerusform>%n suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tag(s)</source>
            <translation>
                <numerusform>%n tag</numerusform>
                <numerusform>%n tags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n time(s)</source>
            <translation>
                <numerusform>%n time</numerusform>
                <numerusform>%n times</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n file</numerusform>
                <numerusform>%n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chart file(s)</source>
            <translation>
                <numerusform>%n chart file</numerusform>
                <numerusform>%n chart files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more note(s)</source>
            <translation>
                <numerusform>%n more note</numerusform>
                <numerusform>%n more notes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n relation(s)</source>
            <translation>
                <numerusform>%n relation</numerusform>
                <numerusform>%n relations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s)</source>
            <translation>
                <numerusform>%n answer</numerusform>
                <numerusform>%n answers</numerusform>
            </translation>
        </message>
    </context>
</TS>