<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>AgreementCharts</name>
        <message>
            <source>undefined — {reason}</source>
            <translation>غير معرّف — {reason}</translation>
        </message>
        <message>
            <source>{label}: corpus {value}</source>
            <translation>{label}: المدونة {value}</translation>
        </message>
        <message>
            <source>{measure} per article ({order})</source>
            <translation>{measure} لكل مقالة ({order})</translation>
        </message>
        <message>
            <source> by label</source>
            <translation> حسب الوسم</translation>
        </message>
        <message>
            <source> by relation type</source>
            <translation> حسب نوع العلاقة</translation>
        </message>
        <message>
            <source> by attribute</source>
            <translation> حسب السمة</translation>
        </message>
        <message>
            <source> by question</source>
            <translation> حسب السؤال</translation>
        </message>
        <message>
            <source> — right: each relation type's corpus with 95% interval</source>
            <translation> — في الطرف الأيمن: قيمة المدونة لكل نوع علاقة مع فترة الثقة 95%</translation>
        </message>
        <message>
            <source> — right: each attribute's corpus with 95% interval</source>
            <translation> — في الطرف الأيمن: قيمة المدونة لكل سمة مع فترة الثقة 95%</translation>
        </message>
        <message>
            <source> — right: each question's corpus with 95% interval</source>
            <translation> — في الطرف الأيمن: قيمة المدونة لكل سؤال مع فترة الثقة 95%</translation>
        </message>
        <message>
            <source>{measure} per relation type: corpus (black) and articles (box, dots)</source>
            <translation>{measure} لكل نوع علاقة: المدونة (بالأسود) والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per attribute: corpus (black) and articles (box, dots)</source>
            <translation>{measure} لكل سمة: المدونة (بالأسود) والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per question: corpus (black) and articles (box, dots)</source>
            <translation>{measure} لكل سؤال: المدونة (بالأسود) والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per relation type: corpus ± 95% CI (black), articles (box, dots)</source>
            <translation>{measure} لكل نوع علاقة: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per attribute: corpus ± 95% CI (black), articles (box, dots)</source>
            <translation>{measure} لكل سمة: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per question: corpus ± 95% CI (black), articles (box, dots)</source>
            <translation>{measure} لكل سؤال: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source> — grey hatched: undefined, hover for why</source>
            <translation> — المظلل بالرمادي: غير معرّف، مرّر المؤشر لمعرفة السبب</translation>
        </message>
        <message>
            <source>articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>article ({order})</source>
            <translation>المقالة ({order})</translation>
        </message>
        <message>
            <source>undefined in every article</source>
            <translation>غير معرّف في كل المقالات</translation>
        </message>
        <message>
            <source>{title}
{measure}: {value}
annotators: {count} ({names})
spans: {spans} ({counts})
click to compare the annotators</source>
            <translation>{title}
{measure}: {value}
المُعلِّقون: {count} ({names})
المقاطع: {spans} ({counts})
انقر لمقارنة المُعلِّقين</translation>
        </message>
        <message>
            <source>{articles}: median {median}, middle half {q1}–{q3}</source>
            <translation>{articles}: الوسيط {median}، النصف الأوسط {q1}–{q3}</translation>
        </message>
        <message>
            <source>{articles} undefined</source>
            <translation>غير معرّف في {articles}</translation>
        </message>
        <message>
            <source>undefined</source>
            <translation>غير معرّف</translation>
        </message>
        <message>
            <source>corpus {measure} {value}</source>
            <translation>{measure} للمدونة {value}</translation>
        </message>
        <message>
            <source> — band: corpus 95% interval</source>
            <translation> — الشريط: فترة الثقة 95% للمدونة</translation>
        </message>
        <message>
            <source>corpus {measure}{label}: {value} (95% bootstrap interval, resampling articles)</source>
            <translation>{measure}{label} للمدونة: {value} (فترة ثقة 95% بالإقلاع، بإعادة معاينة المقالات)</translation>
        </message>
        <message>
            <source>corpus: {value}</source>
            <translation>المدونة: {value}</translation>
        </message>
        <message>
            <source> — right: each label's corpus with 95% interval</source>
            <translation> — في الطرف الأيمن: قيمة المدونة لكل وسم مع فترة الثقة 95%</translation>
        </message>
        <message>
            <source>corpus</source>
            <translation>المدونة</translation>
        </message>
        <message>
            <source>{measure} per label: corpus (black) and articles (box, dots)</source>
            <translation>{measure} لكل وسم: المدونة (بالأسود) والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{measure} per label: corpus ± 95% CI (black), articles (box, dots)</source>
            <translation>{measure} لكل وسم: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)</translation>
        </message>
        <message>
            <source>{label}
corpus {measure}: {value}</source>
            <translation>{label}
{measure} للمدونة: {value}</translation>
        </message>
        <message>
            <source>{first} / {second}: undefined — {reason}</source>
            <translation>{first} / {second}: غير معرّف — {reason}</translation>
        </message>
        <message>
            <source>{first} / {second}: {measure} {value} over {articles}</source>
            <translation>{first} / {second}: {measure} {value} على {articles}</translation>
        </message>
        <message>
            <source>annotator</source>
            <translation>المُعلِّق</translation>
        </message>
        <message>
            <source>annotator pairs: {measure}</source>
            <translation>أزواج المُعلِّقين: {measure}</translation>
        </message>
        <message>
            <source>annotator pairs: {measure}&lt;br&gt;({chosen} has no pair figure)</source>
            <translation>أزواج المُعلِّقين: {measure}&lt;br&gt;(لا قيمة لـ {chosen} لكل زوج)</translation>
        </message>
        <message>
            <source>{count} × a {row} span of one annotator had no overlapping span of another</source>
            <translation>{count} × مقطع {row} لمُعلِّق لم يتداخل معه أي مقطع لمُعلِّق آخر</translation>
        </message>
        <message>
            <source>{count} × a {row} span of one annotator was paired with a {column} span of another</source>
            <translation>{count} × مقطع {row} لمُعلِّق قوبل بمقطع {column} لمُعلِّق آخر</translation>
        </message>
        <message>
            <source>missed</source>
            <translation>لا مقابل</translation>
        </message>
        <message>
            <source>label confusion (spans of one annotator vs the other's)</source>
            <translation>التباس الوسوم (مقاطع مُعلِّق مقابل مقاطع الآخر)</translation>
        </message>
        <message>
            <source>span's label</source>
            <translation>وسم المقطع</translation>
        </message>
        <message>
            <source>other annotator's label</source>
            <translation>وسم المُعلِّق الآخر</translation>
        </message>
        <message>
            <source>{measure} per {key}</source>
            <translation>{measure} لكل {key}</translation>
        </message>
        <message>
            <source>(no value)</source>
            <translation>(بلا قيمة)</translation>
        </message>
        <message>
            <source>{key} = {value}: {articles}
{measure}: {figure}</source>
            <translation>{key} = {value}: {articles}
{measure}: {figure}</translation>
        </message>
    </context>
    <context>
        <name>AgreementDashboard</name>
        <message>
            <source>split by label</source>
            <translation>تفصيل حسب الوسم</translation>
        </message>
        <message>
            <source>split by relation type</source>
            <translation>تفصيل حسب نوع العلاقة</translation>
        </message>
        <message>
            <source>split by attribute</source>
            <translation>تفصيل حسب السمة</translation>
        </message>
        <message>
            <source>split by question</source>
            <translation>تفصيل حسب السؤال</translation>
        </message>
        <message>
            <source> (mean over attributes)</source>
            <translation> (متوسط السمات)</translation>
        </message>
        <message>
            <source> (mean over questions)</source>
            <translation> (متوسط الأسئلة)</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Annotators</source>
            <translation>المُعلِّقون</translation>
        </message>
        <message>
            <source>min. annotators: </source>
            <translation>أدنى عدد للمُعلِّقين: </translation>
        </message>
        <message>
            <source>Split by metadata key: a chart with one group of bars per value (per outlet, per date…)</source>
            <translation>التقسيم حسب مفتاح في البيانات الوصفية: رسم فيه مجموعة أعمدة لكل قيمة (لكل وسيلة إعلام، لكل تاريخ…)</translation>
        </message>
        <message>
            <source>Recompute</source>
            <translation>إعادة الحساب</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>تصدير…</translation>
        </message>
        <message>
            <source>Changed elsewhere (another window or the command line): these figures are out of date — press Recompute.</source>
            <translation>تغيّر المشروع في مكان آخر (نافذة أخرى أو سطر الأوامر): هذه الأرقام قديمة — اضغط «إعادة الحساب».</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>المقياس</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>الرسوم البيانية</translation>
        </message>
        <message>
            <source>Compare annotators</source>
            <translation>مقارنة المُعلِّقين</translation>
        </message>
        <message>
            <source>Computing agreement…</source>
            <translation>جارٍ حساب الاتفاق…</translation>
        </message>
        <message>
            <source>Agreement could not be computed: {error}</source>
            <translation>تعذّر حساب الاتفاق: {error}</translation>
        </message>
        <message>
            <source>No article counts for agreement with these filters: an article needs at least {count} annotators with status 'done'.</source>
            <translation>لا تُحتسب أي مقالة في الاتفاق بهذه المرشحات: تحتاج المقالة إلى {count} مُعلِّقين على الأقل بحالة «منتهية».</translation>
        </message>
        <message>
            <source>undefined ({reason})</source>
            <translation>غير معرّف ({reason})</translation>
        </message>
        <message>
            <source>{articles}, annotators {names}; corpus {measure}: {value}.</source>
            <translation>{articles}، المُعلِّقون {names}؛ {measure} للمدونة: {value}.</translation>
        </message>
        <message>
            <source>{articles} left out.</source>
            <translation>استُبعد من الحساب: {articles}.</translation>
        </message>
        <message>
            <source>Exported {files} and agreement.csv to {folder}.</source>
            <translation>صُدِّر {files} وملف agreement.csv إلى {folder}.</translation>
        </message>
        <message>
            <source>In brackets: 95% bootstrap interval ({count} resamples of the articles, seed {seed}).</source>
            <translation>بين القوسين: فترة ثقة 95% بالإقلاع ({count} إعادة معاينة للمقالات، البذرة {seed}).</translation>
        </message>
        <message>
            <source>By metadata: none</source>
            <translation>حسب البيانات الوصفية: لا شيء</translation>
        </message>
        <message>
            <source>Per {key}</source>
            <translation>لكل {key}</translation>
        </message>
        <message>
            <source>Export charts and table to folder</source>
            <translation>تصدير الرسوم والجدول إلى مجلد</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>فشل التصدير</translation>
        </message>
    </context>
    <context>
        <name>AgreementReasons</name>
        <message>
            <source>no unit was coded by two or more annotators</source>
            <translation>لم يُرمِّز أي وحدة مُعلِّقان أو أكثر</translation>
        </message>
        <message>
            <source>fewer than two categories to choose from</source>
            <translation>أقل من فئتين للاختيار بينهما</translation>
        </message>
        <message>
            <source>nothing was marked: no annotator marked any of these characters, so there is no agreement to measure (AC1 would read a perfect 1)</source>
            <translation>لم يُحدَّد شيء: لم يحدد أي مُعلِّق أيًّا من هذه الحروف، فلا اتفاق يُقاس (وكان AC1 سيقرأ 1 تامًّا)</translation>
        </message>
        <message>
            <source>no span attributes: the project defines none</source>
            <translation>لا سمات للمقاطع: لا يعرّف المشروع أيًّا منها</translation>
        </message>
        <message>
            <source>no matched span of this label was marked by two or more annotators</source>
            <translation>لم يحدد مُعلِّقان أو أكثر أي مقطع متطابق بهذا الوسم</translation>
        </message>
        <message>
            <source>no interval: a bootstrap interval needs at least two articles (resampling a single article draws it every time, so the interval would be the figure itself)</source>
            <translation>لا مجال: يحتاج مجال إعادة المعاينة إلى مقالتين على الأقل (إعادة معاينة مقالة واحدة تسحبها كل مرة، فيكون المجال هو الرقم نفسه)</translation>
        </message>
        <message>
            <source>no interval: the figure itself is undefined</source>
            <translation>لا مجال: الرقم نفسه غير معرّف</translation>
        </message>
        <message>
            <source>no interval: fewer than half of the resamples give a defined figure</source>
            <translation>لا مجال: أقل من نصف إعادات المعاينة تعطي رقمًا معرّفًا</translation>
        </message>
        <message>
            <source>no variation: every counted character has the same value, so chance agreement is total</source>
            <translation>لا تباين: لكل الحروف المعدودة القيمة نفسها، فالاتفاق بالصدفة تام</translation>
        </message>
        <message>
            <source>no character was coded by two or more annotators</source>
            <translation>لم يُرمِّز أي حرف مُعلِّقان أو أكثر</translation>
        </message>
        <message>
            <source>the pair shares no counted character</source>
            <translation>لا يشترك الزوج في أي حرف معدود</translation>
        </message>
        <message>
            <source>no article questions: the project defines none</source>
            <translation>لا أسئلة للمقالات: لا يعرّف المشروع أيًّا منها</translation>
        </message>
        <message>
            <source>no article was answered by all of its counted annotators</source>
            <translation>لم يُجب كل المُعلِّقين المعدودين عن أي مقالة</translation>
        </message>
        <message>
            <source>the pair answered no article in common</source>
            <translation>لم يُجب الزوج عن أي مقالة مشتركة</translation>
        </message>
        <message>
            <source>no variation: every answer is the same, so chance agreement is total</source>
            <translation>لا تباين: كل الإجابات متماثلة، فالاتفاق بالصدفة تام</translation>
        </message>
        <message>
            <source>neither annotator marked a span</source>
            <translation>لم يحدد أي من المُعلِّقَين مقطعًا</translation>
        </message>
        <message>
            <source>fewer than two annotators marked a span</source>
            <translation>حدّد أقل من مُعلِّقَين مقطعًا</translation>
        </message>
        <message>
            <source>no relation: neither annotator linked two spans here</source>
            <translation>لا علاقة: لم يربط أي من المُعلِّقَين مقطعين هنا</translation>
        </message>
        <message>
            <source>no relation types: the project defines none, so there are no relations to compare</source>
            <translation>لا أنواع علاقات: لا يعرّف المشروع أيًّا منها، فلا علاقات للمقارنة</translation>
        </message>
        <message>
            <source>span attribute agreement was not computed for this report</source>
            <translation>لم يُحسب الاتفاق على سمات المقاطع في هذا التقرير</translation>
        </message>
        <message>
            <source>fewer than two annotators</source>
            <translation>أقل من مُعلِّقَين</translation>
        </message>
        <message>
            <source>no annotator marked a span with this label</source>
            <translation>لم يحدد أي مُعلِّق مقطعًا بهذا الوسم</translation>
        </message>
        <message>
            <source>no expected disagreement (the spans leave no room for chance)</source>
            <translation>لا اختلاف متوقع (لا تترك المقاطع مجالًا للصدفة)</translation>
        </message>
        <message>
            <source>no article was finished by all counted annotators; choose some with --annotators</source>
            <translation>لم يُنهِ كل المُعلِّقين المعدودين أي مقالة؛ اختر بعضهم بـ --annotators</translation>
        </message>
        <message>
            <source>not computed for this scope</source>
            <translation>لم يُحسب لهذا النطاق</translation>
        </message>
        <message>
            <source>a corpus figure only: one article holds too few items of a question to estimate chance agreement from; choose code_agreement to compare articles</source>
            <translation>رقم للمدونة فقط: بنود السؤال في مقالة واحدة أقل من أن يُقدَّر منها الاتفاق بالصدفة؛ اختر code_agreement لمقارنة المقالات</translation>
        </message>
        <message>
            <source>not every counted annotator of this article answered the question</source>
            <translation>لم يُجب كل المُعلِّقين المعدودين لهذه المقالة عن السؤال</translation>
        </message>
        <message>
            <source>the pair coded no unit in common here</source>
            <translation>لم يُرمِّز الزوج أي وحدة مشتركة هنا</translation>
        </message>
        <message>
            <source>no part of this measure has a defined figure here, so there is no mean of them</source>
            <translation>لا رقم معرّفًا لأي جزء من هذا المقياس هنا، فلا متوسط لها</translation>
        </message>
    </context>
    <context>
        <name>AnnotationPage</name>
        <message>
            <source>Keep proclitics when snapping</source>
            <translation>إبقاء السوابق المتصلة عند الالتقاط</translation>
        </message>
        <message>
            <source>Word snapping keeps و ف ب ل ك written attached to the first word (off: «الولايات», on: «والولايات»)</source>
            <translation>يُبقي التقاطُ الكلمات حروفَ و ف ب ل ك المتصلة بالكلمة الأولى (معطَّل: «الولايات»، مفعَّل: «والولايات»)</translation>
        </message>
        <message>
            <source>Relations</source>
            <translation>العلاقات</translation>
        </message>
        <message>
            <source>Span</source>
            <translation>المقطع</translation>
        </message>
        <message>
            <source>Article codes</source>
            <translation>ترميز المقالة</translation>
        </message>
        <message>
            <source>Tag as {label}</source>
            <translation>وسم بـ {label}</translation>
        </message>
        <message>
            <source>Tag exact characters as {label}</source>
            <translation>وسم الأحرف المحددة بدقة بـ {label}</translation>
        </message>
        <message>
            <source>Tag the selection as {label} ({key})</source>
            <translation>وسم التحديد بـ {label} ({key})</translation>
        </message>
        <message>
            <source>inspect</source>
            <translation>فحصه</translation>
        </message>
        <message>
            <source>Select a span first to {action} it.</source>
            <translation>حدّد مقطعًا أولًا من أجل {action}.</translation>
        </message>
        <message>
            <source>That span is {annotator}'s: other annotators' spans are read-only.</source>
            <translation>هذا المقطع لـ {annotator}: مقاطع المُعلِّقين الآخرين للقراءة فقط.</translation>
        </message>
        <message>
            <source>label</source>
            <translation>وسمه</translation>
        </message>
        <message>
            <source>Nothing to tag: the selection holds no word (Alt tags exact characters).</source>
            <translation>لا شيء للوسم: التحديد لا يحوي أي كلمة (Alt يسم الأحرف بدقة).</translation>
        </message>
        <message>
            <source>Already tagged as {label}.</source>
            <translation>موسوم مسبقًا بـ {label}.</translation>
        </message>
        <message>
            <source>delete</source>
            <translation>حذفه</translation>
        </message>
        <message>
            <source>move</source>
            <translation>نقله</translation>
        </message>
        <message>
            <source>Select the text the span should cover, then press E.</source>
            <translation>حدّد النص الذي يجب أن يغطيه المقطع، ثم اضغط E.</translation>
        </message>
        <message>
            <source>resize</source>
            <translation>تغيير حجمه</translation>
        </message>
        <message>
            <source>A span cannot be shorter than one word.</source>
            <translation>لا يمكن أن يكون المقطع أقصر من كلمة واحدة.</translation>
        </message>
        <message>
            <source>Accept suggestion: {label} «{excerpt}»</source>
            <translation>قبول الاقتراح: {label} «{excerpt}»</translation>
        </message>
        <message>
            <source>Dismiss suggestions</source>
            <translation>تجاهل الاقتراحات</translation>
        </message>
        <message>
            <source>Span {label}: «{excerpt}»</source>
            <translation>مقطع {label}: «{excerpt}»</translation>
        </message>
        <message>
            <source>Change to {label}</source>
            <translation>تغيير إلى {label}</translation>
        </message>
        <message>
            <source>Set boundaries to selection</source>
            <translation>جعل الحدود مطابقة للتحديد</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>حذف</translation>
        </message>
        <message>
            <source>Relation {type}</source>
            <translation>علاقة {type}</translation>
        </message>
        <message>
            <source>link</source>
            <translation>ربطه</translation>
        </message>
        <message>
            <source>Relation “{type}” made.</source>
            <translation>أُنشئت علاقة «{type}».</translation>
        </message>
        <message>
            <source>Select a relation in the Relations list first to delete it.</source>
            <translation>حدّد علاقة في قائمة العلاقات أولًا لحذفها.</translation>
        </message>
        <message>
            <source>That relation is {annotator}'s: other annotators' work is read-only.</source>
            <translation>هذه العلاقة لـ{annotator}: عمل المُعلِّقين الآخرين للقراءة فقط.</translation>
        </message>
        <message>
            <source>Suggest other occurrences</source>
            <translation>اقتراح المواضع الأخرى</translation>
        </message>
        <message>
            <source>After a tag, offer its label on the other occurrences</source>
            <translation>بعد الوسم، اقتراح الوسم نفسه على المواضع الأخرى للنص</translation>
        </message>
        <message>
            <source>Could not search the other articles: {error}</source>
            <translation>تعذّر البحث في المقالات الأخرى: {error}</translation>
        </message>
        <message>
            <source>tag suggestion {label}</source>
            <translation>وسم اقتراح {label}</translation>
        </message>
        <message>
            <source>tag {suggestions} as {label}</source>
            <translation>وسم {suggestions} بـ{label}</translation>
        </message>
        <message>
            <source>Tag {places} in {articles} as {label}? (One undo takes them all back.)</source>
            <translation>وسم {places} في {articles} بـ{label}؟ (تراجع واحد يلغيها كلها.)</translation>
        </message>
        <message>
            <source>Tagging {places} in {articles}…</source>
            <translation>جارٍ وسم {places} في {articles}…</translation>
        </message>
        <message>
            <source>tag {suggestions} in {articles} as {label}</source>
            <translation>وسم {suggestions} في {articles} بـ{label}</translation>
        </message>
        <message>
            <source>Still searching the other articles; try again in a moment.</source>
            <translation>ما زال البحث جاريًا في المقالات الأخرى؛ حاول بعد لحظة.</translation>
        </message>
        <message>
            <source>Accept all suggestions</source>
            <translation>قبول كل الاقتراحات</translation>
        </message>
        <message>
            <source>Cancelled: nothing was tagged.</source>
            <translation>أُلغي: لم يُوسم شيء.</translation>
        </message>
        <message>
            <source>Taking back {tags}…</source>
            <translation>جارٍ التراجع عن {tags}…</translation>
        </message>
        <message>
            <source>Tagging {places} again…</source>
            <translation>جارٍ وسم {places} من جديد…</translation>
        </message>
    </context>
    <context>
        <name>ArticleCodes</name>
        <message>
            <source>This project asks no questions about articles.</source>
            <translation>لا يطرح هذا المشروع أسئلة عن المقالات.</translation>
        </message>
        <message>
            <source>Note on this article</source>
            <translation>ملاحظة على هذه المقالة</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>not answered</source>
            <translation>بلا إجابة</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>نعم</translation>
        </message>
    </context>
    <context>
        <name>ArticleListModel</name>
        <message>
            <source>{title}
{length} characters · {spans} · {status}</source>
            <translation>{title}
{length} حرفًا · {spans} · {status}</translation>
        </message>
    </context>
    <context>
        <name>ArticleView</name>
        <message>
            <source>Suggested: {label} — click to accept</source>
            <translation>مقترح: {label} — انقر للقبول</translation>
        </message>
    </context>
    <context>
        <name>ArticlesPanel</name>
        <message>
            <source>All articles</source>
            <translation>كل المقالات</translation>
        </message>
        <message>
            <source>Only {status}</source>
            <translation>{status} فقط</translation>
        </message>
        <message>
            <source>Only articles assigned to me</source>
            <translation>المقالات المسندة إليّ فقط</translation>
        </message>
    </context>
    <context>
        <name>AttributesTab</name>
        <message>
            <source>choice of values</source>
            <translation>اختيار من قيم</translation>
        </message>
        <message>
            <source>flag (yes or no)</source>
            <translation>علامة (نعم أو لا)</translation>
        </message>
        <message>
            <source>text from a list</source>
            <translation>نص من قائمة</translation>
        </message>
        <message>
            <source>Attributes of spans labelled:</source>
            <translation>سمات المقاطع الموسومة بـ:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Add attribute…</source>
            <translation>إضافة سمة…</translation>
        </message>
        <message>
            <source>Delete attribute…</source>
            <translation>حذف السمة…</translation>
        </message>
        <message>
            <source>Select an attribute to see its values.</source>
            <translation>حدّد سمة لترى قيمها.</translation>
        </message>
        <message>
            <source>A flag is set or not: it has no values.</source>
            <translation>العلامة إما مضبوطة وإما لا: لا قيم لها.</translation>
        </message>
        <message>
            <source>Values of {name} to choose from:</source>
            <translation>قيم {name} التي يُختار منها:</translation>
        </message>
        <message>
            <source>The list of {name}: typing in the span inspector completes from it; add new entries here, on purpose.</source>
            <translation>قائمة {name}: الكتابة في فاحص المقطع تُكمَل منها؛ أضف المدخلات الجديدة هنا عن قصد.</translation>
        </message>
        <message>
            <source>Add an attribute to {label}</source>
            <translation>إضافة سمة إلى {label}</translation>
        </message>
        <message>
            <source>Rename attribute</source>
            <translation>إعادة تسمية السمة</translation>
        </message>
        <message>
            <source>{name} has a value on {spans} in {articles}; they keep it under its new name {new}. Rename?</source>
            <translation>للسمة {name} قيمة على {spans} في {articles}؛ وتبقى لها باسمها الجديد {new}. أتعيد التسمية؟</translation>
        </message>
        <message>
            <source>{label} already has an attribute named {name}.</source>
            <translation>للوسم {label} سمة اسمها {name} من قبل.</translation>
        </message>
        <message>
            <source>{value} is already in the list of {name}.</source>
            <translation>{value} موجود من قبل في قائمة {name}.</translation>
        </message>
        <message>
            <source>{name} has a value on {spans} in {articles}: its kind cannot change while it does.</source>
            <translation>للسمة {name} قيمة على {spans} في {articles}: لا يتغيّر نوعها ما دامت كذلك.</translation>
        </message>
        <message>
            <source>Delete attribute</source>
            <translation>حذف السمة</translation>
        </message>
        <message>
            <source>{name} has a value on {spans} in {articles}. Deleting the attribute deletes those values too (Undo in this window brings them back). Delete?</source>
            <translation>للسمة {name} قيمة على {spans} في {articles}. حذف السمة يحذف تلك القيم أيضًا (التراجع في هذه النافذة يعيدها). أتحذفها؟</translation>
        </message>
        <message>
            <source>New entry of {name}:</source>
            <translation>مدخل جديد في {name}:</translation>
        </message>
        <message>
            <source>Add entry</source>
            <translation>إضافة مدخل</translation>
        </message>
        <message>
            <source>Respell entry</source>
            <translation>تعديل كتابة المدخل</translation>
        </message>
        <message>
            <source>{value} is the {name} of {spans} in {articles}; they change to {new}. Respell?</source>
            <translation>{value} هي قيمة {name} في {spans} في {articles}؛ وتصير {new}. أتعدّل الكتابة؟</translation>
        </message>
        <message>
            <source>Remove entry</source>
            <translation>إزالة المدخل</translation>
        </message>
        <message>
            <source>{value} is the {name} of {spans} in {articles}. Removing it from the list clears it on them too (Undo in this window brings it back). Remove?</source>
            <translation>{value} هي قيمة {name} في {spans} في {articles}. إزالتها من القائمة تمحوها منها أيضًا (التراجع في هذه النافذة يعيدها). أتزيلها؟</translation>
        </message>
    </context>
    <context>
        <name>CodebookTab</name>
        <message>
            <source>Labels</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>A choice needs at least one value to choose from: give them, separated by commas.</source>
            <translation>الاختيار يحتاج إلى قيمة واحدة على الأقل يُختار منها: اكتبها مفصولة بفواصل.</translation>
        </message>
    </context>
    <context>
        <name>CodingLists</name>
        <message>
            <source>Gold relations, attribute values and answers (Delete or R: take out of gold)</source>
            <translation>العلاقات وقيم السمات والإجابات في المعيار الذهبي (Delete أو R: إخراج من المعيار الذهبي)</translation>
        </message>
        <message>
            <source>Waiting for a decision (Enter or A: accept · Delete or R: reject)</source>
            <translation>بانتظار قرار (Enter أو A: قبول · Delete أو R: رفض)</translation>
        </message>
        <message>
            <source>{type}: «{head}» ← «{child}»</source>
            <translation>{type}: «{head}» ← «{child}»</translation>
        </message>
        <message>
            <source>{name} = {value} on «{span}»</source>
            <translation>{name} = {value} على «{span}»</translation>
        </message>
        <message>
            <source>{question} = {values}</source>
            <translation>{question} = {values}</translation>
        </message>
    </context>
    <context>
        <name>Comparison</name>
        <message>
            <source>missing span</source>
            <translation>مقطع ناقص</translation>
        </message>
        <message>
            <source>different label</source>
            <translation>وسم مختلف</translation>
        </message>
        <message>
            <source>different boundary</source>
            <translation>حدود مختلفة</translation>
        </message>
        <message>
            <source>missing relation</source>
            <translation>علاقة ناقصة</translation>
        </message>
        <message>
            <source>other relation type</source>
            <translation>نوع علاقة آخر</translation>
        </message>
        <message>
            <source>other relation end</source>
            <translation>طرف علاقة آخر</translation>
        </message>
        <message>
            <source>different attribute value</source>
            <translation>قيمة سمة مختلفة</translation>
        </message>
        <message>
            <source>different answer</source>
            <translation>إجابة مختلفة</translation>
        </message>
        <message>
            <source>{annotator}: «{words}» {label}</source>
            <translation>{annotator}: «{words}» {label}</translation>
        </message>
        <message>
            <source>{annotator}: nothing</source>
            <translation>{annotator}: لا شيء</translation>
        </message>
        <message>
            <source>{question}: {annotator} {value} ≠ {other} {other_value}</source>
            <translation>{question}: {annotator} {value} ≠ {other} {other_value}</translation>
        </message>
        <message>
            <source>{annotator}: «{words}» {attribute} = {value} ≠ {other}: {other_value}</source>
            <translation>{annotator}: «{words}» {attribute} = {value} ≠ {other}: {other_value}</translation>
        </message>
        <message>
            <source>{annotator}: no such relation</source>
            <translation>{annotator}: لا علاقة كهذه</translation>
        </message>
        <message>
            <source>{annotator}: «{head}» {type} «{child}»</source>
            <translation>{annotator}: «{head}» {type} «{child}»</translation>
        </message>
        <message>
            <source>(not set)</source>
            <translation>(غير محددة)</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>(بلا إجابة)</translation>
        </message>
    </context>
    <context>
        <name>ComparisonView</name>
        <message>
            <source>Nothing to compare yet. Click an article's bar in the Charts tab, or pick an article above: its text appears here with each annotator's spans in a lane under every line, and the places where they disagree are listed beside it.</source>
            <translation>لا شيء للمقارنة بعد. انقر عمود مقالة في تبويب الرسوم البيانية، أو اختر مقالة في الأعلى: يظهر نصها هنا ومقاطع كل مُعلِّق في مسار تحت كل سطر، وتُسرد بجانبه المواضع التي يختلفون فيها.</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>المقالة</translation>
        </message>
        <message>
            <source>&lt;b&gt;Disagreements&lt;/b&gt; (N / F8 next · P / Shift+F8 previous)</source>
            <translation>&lt;b&gt;الاختلافات&lt;/b&gt; (N / F8 التالي · P / Shift+F8 السابق)</translation>
        </message>
        <message>
            <source>Next disagreement</source>
            <translation>الاختلاف التالي</translation>
        </message>
        <message>
            <source>Previous disagreement</source>
            <translation>الاختلاف السابق</translation>
        </message>
        <message>
            <source>{lane}. &lt;b&gt;{name}&lt;/b&gt; ({spans})</source>
            <translation>{lane}. &lt;b&gt;{name}&lt;/b&gt; ({spans})</translation>
        </message>
        <message>
            <source>no span in that lane</source>
            <translation>لا مقطع في هذا المسار</translation>
        </message>
        <message>
            <source>{filled} a relation's end in dispute, in its type's colour ({hollow} the other annotator has no such relation) · {dot} an attribute value differs · overlapping spans of one annotator take extra lanes</source>
            <translation>{filled} طرف علاقة مختلف عليه، بلون نوعها ({hollow} ليس لدى المُعلِّق الآخر هذه العلاقة) · {dot} قيمة سمة مختلفة · المقاطع المتداخلة لمُعلِّق واحد تأخذ مسارات إضافية</translation>
        </message>
        <message>
            <source>Lanes under each line, top to bottom: {lanes}&lt;br&gt;Labels: {labels}&lt;br&gt;Disagreements: {kinds} &amp;nbsp; {missing}</source>
            <translation>المسارات تحت كل سطر، من الأعلى إلى الأسفل: {lanes}&lt;br&gt;الوسوم: {labels}&lt;br&gt;الاختلافات: {kinds} &amp;nbsp; {missing}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
    </context>
    <context>
        <name>ConsistencyPage</name>
        <message>
            <source>Find shared passages</source>
            <translation>ابحث عن المقاطع المشتركة</translation>
        </message>
        <message>
            <source>Compare different annotators too</source>
            <translation>قارن بين مُعلِّقين مختلفين أيضًا</translation>
        </message>
        <message>
            <source>Spans of:</source>
            <translation>مقاطع المُعلِّق:</translation>
        </message>
        <message>
            <source>Filter by article title…</source>
            <translation>صفِّ حسب عنوان المقالة…</translation>
        </message>
        <message>
            <source>Looking for shared passages…</source>
            <translation>جارٍ البحث عن المقاطع المشتركة…</translation>
        </message>
        <message>
            <source>Finding shared passages…</source>
            <translation>جارٍ البحث عن المقاطع المشتركة…</translation>
        </message>
        <message>
            <source>Comparing the spans…</source>
            <translation>جارٍ مقارنة المقاطع…</translation>
        </message>
        <message>
            <source>Could not look for passages: {error}</source>
            <translation>تعذّر البحث عن المقاطع: {error}</translation>
        </message>
        <message>
            <source>showing {name}'s spans: {chosen} has none in these passages</source>
            <translation>تُعرض مقاطع {name}: ليس لـ{chosen} مقاطع في هذه المواضع المشتركة</translation>
        </message>
        <message>
            <source>Comparing the spans again…</source>
            <translation>جارٍ مقارنة المقاطع من جديد…</translation>
        </message>
        <message>
            <source>Copied {spans} of {name} to article {side}</source>
            <translation>نُسخ من عمل {name} إلى المقالة {side}: {spans}</translation>
        </message>
        <message>
            <source>A</source>
            <translation>أ</translation>
        </message>
        <message>
            <source>B</source>
            <translation>ب</translation>
        </message>
        <message>
            <source>copy spans A → B</source>
            <translation>نسخ المقاطع أ ← ب</translation>
        </message>
        <message>
            <source>{passages} in {pairs}</source>
            <translation>{passages} في {pairs}</translation>
        </message>
        <message>
            <source>copy spans B → A</source>
            <translation>نسخ المقاطع ب ← أ</translation>
        </message>
    </context>
    <context>
        <name>CurationPage</name>
        <message>
            <source>majority</source>
            <translation>الأغلبية</translation>
        </message>
        <message>
            <source>votes needed: </source>
            <translation>الأصوات المطلوبة: </translation>
        </message>
        <message>
            <source>Accept agreed spans into gold</source>
            <translation>قبول المقاطع المتفق عليها في المعيار الذهبي</translation>
        </message>
        <message>
            <source>Spans that enough 'done' annotators marked identically (start, end, label) go into gold, with the relations between them, their attribute values and the article answers those annotators agree on; the curator decides the rest. Curated articles are left alone.</source>
            <translation>المقاطع التي وسمها عدد كافٍ من المُعلِّقين المنتهين وسمًا مطابقًا (البداية والنهاية والوسم) تدخل المعيار الذهبي، ومعها العلاقات بينها وقيم سماتها وإجابات المقالة التي يتفق عليها هؤلاء المُعلِّقون؛ ويقرر المُراجِع الباقي. لا تُمس المقالات المُراجَعة.</translation>
        </message>
        <message>
            <source>Article:</source>
            <translation>المقالة:</translation>
        </message>
        <message>
            <source>Accepting agreed work into gold: article {done} of {total}…</source>
            <translation>جارٍ قبول العمل المتفق عليه في المعيار الذهبي: المقالة {done} من {total}…</translation>
        </message>
        <message>
            <source>Accepting agreed work into gold…</source>
            <translation>جارٍ قبول العمل المتفق عليه في المعيار الذهبي…</translation>
        </message>
        <message>
            <source>Cannot adjudicate</source>
            <translation>تعذّر التحكيم</translation>
        </message>
        <message>
            <source>Cancelled: gold was not changed.</source>
            <translation>أُلغي: لم يتغيّر المعيار الذهبي.</translation>
        </message>
        <message>
            <source>Accept the spans the annotators agree on into gold for which articles?</source>
            <translation>قبول المقاطع المتفق عليها في المعيار الذهبي لأي المقالات؟</translation>
        </message>
        <message>
            <source>This article</source>
            <translation>هذه المقالة</translation>
        </message>
        <message numerus="yes">
            <source>All %n article(s)</source>
            <translation>
                <numerusform>كل المقالات (%n)</numerusform>
                <numerusform>المقالة الوحيدة</numerusform>
                <numerusform>المقالتان كلتاهما</numerusform>
                <numerusform>كل المقالات الـ%n</numerusform>
                <numerusform>كل المقالات الـ%n</numerusform>
                <numerusform>كل المقالات الـ%n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CurationView</name>
        <message>
            <source>Gold</source>
            <translation>المعيار الذهبي</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>قبول</translation>
        </message>
        <message>
            <source>Delete or R: take the selected span out of gold. Select a head, Ctrl+click a child, R: a gold relation between them.</source>
            <translation>Delete أو R: إخراج المقطع المحدّد من المعيار الذهبي. حدّد رأسًا ثم Ctrl+نقرة على طرف تابع، وR: علاقة ذهبية بينهما.</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>رفض</translation>
        </message>
        <message>
            <source>Waiting for a decision (Enter or A: accept · Delete or R: reject)</source>
            <translation>بانتظار قرار (Enter أو A: قبول · Delete أو R: رفض)</translation>
        </message>
        <message>
            <source>Reject, or relate two selected gold spans</source>
            <translation>رفض، أو ربط مقطعين ذهبيين محدّدين بعلاقة</translation>
        </message>
        <message>
            <source>Set boundaries from selection</source>
            <translation>تعيين الحدود من التحديد</translation>
        </message>
        <message>
            <source>Mark curated</source>
            <translation>تعليم كمُراجَعة</translation>
        </message>
        <message>
            <source>Give the selected gold span a value of your own</source>
            <translation>أعطِ المقطع الذهبي المحدد قيمة من عندك</translation>
        </message>
        <message>
            <source>Answer an article question in gold yourself</source>
            <translation>أجب بنفسك عن سؤال المقالة في المعيار الذهبي</translation>
        </message>
        <message>
            <source>Label {label}</source>
            <translation>وسم {label}</translation>
        </message>
        <message>
            <source>Gold: {status} · {spans} · {waiting}</source>
            <translation>المعيار الذهبي: {status} · {spans} · {waiting}</translation>
        </message>
        <message>
            <source>Spans ({waiting})</source>
            <translation>المقاطع ({waiting})</translation>
        </message>
        <message>
            <source>Relations, attributes, answers ({waiting})</source>
            <translation>العلاقات والسمات والإجابات ({waiting})</translation>
        </message>
        <message>
            <source>by vote</source>
            <translation>بالتصويت</translation>
        </message>
        <message>
            <source>Select a gold span first (in the gold list), then press V.</source>
            <translation>حدد مقطعًا ذهبيًا أولًا (في قائمة المعيار الذهبي) ثم اضغط V.</translation>
        </message>
        <message>
            <source>The label {label} has no attributes.</source>
            <translation>ليس للوسم {label} سمات.</translation>
        </message>
        <message>
            <source>The codebook has no article questions.</source>
            <translation>لا أسئلة مقالات في دليل الترميز.</translation>
        </message>
        <message>
            <source>No relation type links a “{head}” span to a “{child}” span.</source>
            <translation>لا يوجد نوع علاقة يربط مقطعًا «{head}» بمقطع «{child}».</translation>
        </message>
        <message>
            <source>That relation is already in gold.</source>
            <translation>هذه العلاقة موجودة في المعيار الذهبي من قبل.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Whose spans</source>
            <translation>مقاطع مَن</translation>
        </message>
        <message>
            <source>My work ({name})</source>
            <translation>عملي ({name})</translation>
        </message>
        <message>
            <source>One annotator:</source>
            <translation>مُعلِّق واحد:</translation>
        </message>
        <message>
            <source>Every annotator's work</source>
            <translation>عمل كل المُعلِّقين</translation>
        </message>
        <message>
            <source>Gold (the adjudicated spans)</source>
            <translation>المرجع المعتمد (المقاطع المحكَّمة)</translation>
        </message>
        <message>
            <source>Only articles whose gold is curated</source>
            <translation>المقالات التي اكتمل تحكيم مرجعها فقط</translation>
        </message>
        <message>
            <source>Add the agreement summary to the metadata (slower on a large corpus)</source>
            <translation>أضف ملخص الاتفاق إلى البيانات الوصفية (أبطأ في مدونة كبيرة)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>الصيغة:</translation>
        </message>
        <message>
            <source>Write to:</source>
            <translation>اكتب في:</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>أظهر في المجلد</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Writes a new folder (it must not exist yet, or be empty).</source>
            <translation>يكتب مجلدًا جديدًا (يجب ألا يكون موجودًا، أو أن يكون فارغًا).</translation>
        </message>
        <message>
            <source>Writes one file, and its metadata record beside it.</source>
            <translation>يكتب ملفًا واحدًا، وبجانبه سجل بياناته الوصفية.</translation>
        </message>
        <message>
            <source>Export to a new folder</source>
            <translation>التصدير إلى مجلد جديد</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>التصدير إلى</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>جارٍ التصدير…</translation>
        </message>
        <message>
            <source>Exported {articles} and {spans} as {format}.</source>
            <translation>صُدِّرت {articles} و{spans} بصيغة {format}.</translation>
        </message>
        <message>
            <source>Data: {path}</source>
            <translation>البيانات: {path}</translation>
        </message>
        <message>
            <source>Metadata: {path}</source>
            <translation>البيانات الوصفية: {path}</translation>
        </message>
        <message>
            <source>Nothing was exported: {error}</source>
            <translation>لم يُصدَّر شيء: {error}</translation>
        </message>
        <message>
            <source>Export cancelled: nothing was written.</source>
            <translation>أُلغي التصدير: لم يُكتب شيء.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>JSONL (one record per article and annotator)</source>
            <translation>JSONL (سجل لكل مقالة ومُعلِّق)</translation>
        </message>
        <message>
            <source>spaCy DocBin (needs the spacy extra)</source>
            <translation>spaCy DocBin (يحتاج إضافة spacy)</translation>
        </message>
        <message>
            <source>brat standoff (a folder)</source>
            <translation>ملفات brat المنفصلة (مجلد)</translation>
        </message>
        <message>
            <source>CoNLL BIO tags</source>
            <translation>وسوم CoNLL بنظام BIO</translation>
        </message>
        <message>
            <source>CSV table of spans (opens in Excel)</source>
            <translation>جدول مقاطع CSV (يفتح في إكسل)</translation>
        </message>
        <message>
            <source>INCEpTION / WebAnno XMI (a folder)</source>
            <translation>ملفات XMI من INCEpTION / WebAnno (مجلد)</translation>
        </message>
        <message>
            <source>REFI-QDA project for MAXQDA, ATLAS.ti, NVivo</source>
            <translation>مشروع REFI-QDA لبرامج MAXQDA وATLAS.ti وNVivo</translation>
        </message>
        <message>
            <source>Label Studio tasks (.json) and labelling config</source>
            <translation>مهام Label Studio ‏(.json) وإعداد الوسوم</translation>
        </message>
    </context>
    <context>
        <name>FinishedArticles</name>
        <message>
            <source>Article</source>
            <translation>المقالة</translation>
        </message>
        <message>
            <source>Finished by</source>
            <translation>أنهاها</translation>
        </message>
        <message>
            <source>Assigned, not finished</source>
            <translation>مُسندة ولم تُنهَ</translation>
        </message>
    </context>
    <context>
        <name>FolderBanner</name>
        <message>
            <source>Team folder</source>
            <translation>مجلد الفريق</translation>
        </message>
        <message>
            <source>The team folder {folder} cannot be reached. Your work goes on in this project and is published when the folder is back.</source>
            <translation>تعذّر الوصول إلى مجلد الفريق {folder}. يستمر عملك في هذا المشروع ويُنشر حين يعود المجلد.</translation>
        </message>
    </context>
    <context>
        <name>GoldStatus</name>
        <message>
            <source>not started</source>
            <translation>لم يبدأ</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>curated</source>
            <translation>مُراجَعة</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import articles</source>
            <translation>استيراد مقالات</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>إضافة ملفات…</translation>
        </message>
        <message>
            <source>Add folder…</source>
            <translation>إضافة مجلد…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>إزالة</translation>
        </message>
        <message>
            <source>By each file's name</source>
            <translation>حسب اسم كل ملف</translation>
        </message>
        <message>
            <source>as named in the files (brat: the folder's name)</source>
            <translation>كما تسمّيه الملفات (brat: اسم المجلد)</translation>
        </message>
        <message>
            <source>Add labels the project does not have</source>
            <translation>أضف الوسوم غير الموجودة في المشروع</translation>
        </message>
        <message>
            <source>Read as:</source>
            <translation>اقرأ بصيغة:</translation>
        </message>
        <message>
            <source>Spans belong to:</source>
            <translation>المقاطع للمُعلِّق:</translation>
        </message>
        <message>
            <source>Tables, INCEpTION and WebAnno files</source>
            <translation>الجداول وملفات INCEpTION وWebAnno</translation>
        </message>
        <message>
            <source>Text column:</source>
            <translation>عمود النص:</translation>
        </message>
        <message>
            <source>Title column:</source>
            <translation>عمود العنوان:</translation>
        </message>
        <message>
            <source>Id column:</source>
            <translation>عمود المعرّف:</translation>
        </message>
        <message>
            <source>Span layer:</source>
            <translation>طبقة المقاطع:</translation>
        </message>
        <message>
            <source>Label feature:</source>
            <translation>سمة الوسم:</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Files and folders (read recursively):</source>
            <translation>الملفات والمجلدات (تُقرأ بما فيها من مجلدات فرعية):</translation>
        </message>
        <message>
            <source>What the import adds:</source>
            <translation>ما سيضيفه الاستيراد:</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>استيراد مجلد</translation>
        </message>
        <message>
            <source>Imported.</source>
            <translation>تم الاستيراد.</translation>
        </message>
        <message>
            <source>Nothing can be imported: {error}</source>
            <translation>لا يمكن استيراد شيء: {error}</translation>
        </message>
        <message>
            <source>Add files or a folder to see what they hold.</source>
            <translation>أضف ملفات أو مجلدًا لترى ما فيها.</translation>
        </message>
        <message>
            <source>Reading the files…</source>
            <translation>جارٍ قراءة الملفات…</translation>
        </message>
        <message>
            <source>Tick “Add labels the project does not have” to import spans with these labels.</source>
            <translation>فعّل «أضف الوسوم غير الموجودة في المشروع» لاستيراد المقاطع بهذه الوسوم.</translation>
        </message>
        <message>
            <source>Everything in these files is already in the project.</source>
            <translation>كل ما في هذه الملفات موجود في المشروع من قبل.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>%v of {files}</source>
            <translation>%v من {files}</translation>
        </message>
        <message>
            <source>Nothing was stored.</source>
            <translation>لم يُحفظ شيء.</translation>
        </message>
        <message>
            <source>Import cancelled: nothing was stored.</source>
            <translation>أُلغي الاستيراد: لم يُحفظ شيء.</translation>
        </message>
        <message>
            <source>Plain text (.txt)</source>
            <translation>نص عادي (.txt)</translation>
        </message>
        <message>
            <source>JSONL records (.jsonl)</source>
            <translation>سجلات JSONL ‏(.jsonl)</translation>
        </message>
        <message>
            <source>brat standoff (.txt + .ann)</source>
            <translation>ملفات brat المنفصلة (.txt + .ann)</translation>
        </message>
        <message>
            <source>Span table (.csv)</source>
            <translation>جدول مقاطع (.csv)</translation>
        </message>
        <message>
            <source>Article table (.csv, .tsv, .xlsx)</source>
            <translation>جدول مقالات (.csv، .tsv، .xlsx)</translation>
        </message>
        <message>
            <source>Word (.docx)</source>
            <translation>وورد (.docx)</translation>
        </message>
        <message>
            <source>Web page (.html)</source>
            <translation>صفحة ويب (.html)</translation>
        </message>
        <message>
            <source>INCEpTION / WebAnno XMI (.xmi)</source>
            <translation>ملفات XMI من INCEpTION / WebAnno ‏(.xmi)</translation>
        </message>
        <message>
            <source>REFI-QDA project (.qdpx)</source>
            <translation>مشروع REFI-QDA ‏(.qdpx)</translation>
        </message>
        <message>
            <source>WebAnno TSV 3 (.tsv)</source>
            <translation>ملف WebAnno TSV 3 ‏(.tsv)</translation>
        </message>
        <message>
            <source>CoNLL / IOB tags (.conll, .iob, .bio)</source>
            <translation>وسوم CoNLL / IOB ‏(.conll، .iob، .bio)</translation>
        </message>
        <message>
            <source>doccano export (.zip)</source>
            <translation>ملف تصدير doccano ‏(.zip)</translation>
        </message>
        <message>
            <source>Label Studio JSON export (.json)</source>
            <translation>ملف تصدير Label Studio بصيغة JSON ‏(.json)</translation>
        </message>
    </context>
    <context>
        <name>ImportWording</name>
        <message>
            <source>{new} added, {existing} already in the project</source>
            <translation>أُضيف {new}، و{existing} موجود في المشروع من قبل</translation>
        </message>
        <message>
            <source>{new} to add, {existing} already in the project</source>
            <translation>سيُضاف {new}، و{existing} موجود في المشروع من قبل</translation>
        </message>
        <message>
            <source>Articles: {counts}</source>
            <translation>المقالات: {counts}</translation>
        </message>
        <message>
            <source>Annotations: {counts}</source>
            <translation>التعليقات: {counts}</translation>
        </message>
        <message>
            <source>Spans: {counts}</source>
            <translation>المقاطع: {counts}</translation>
        </message>
        <message>
            <source>Annotators: {names}</source>
            <translation>المُعلِّقون: {names}</translation>
        </message>
        <message>
            <source>(new: {names})</source>
            <translation>(جدد: {names})</translation>
        </message>
        <message>
            <source>New labels: {names}</source>
            <translation>وسوم جديدة: {names}</translation>
        </message>
        <message>
            <source>… and {notes}</source>
            <translation>… و{notes}</translation>
        </message>
    </context>
    <context>
        <name>LabelBar</name>
        <message>
            <source> ({key}; Alt+{key} keeps the exact characters)</source>
            <translation> ({key}؛ Alt+{key} يحافظ على الأحرف المحددة بدقة)</translation>
        </message>
        <message>
            <source>Tag the selection as {label}{keys}</source>
            <translation>وسم التحديد بـ {label}{keys}</translation>
        </message>
        <message>
            <source>overlaps blend · nested: underlined · dashed line: other annotators (read-only) · dashed box: suggestion</source>
            <translation>المتداخلة تمتزج ألوانها · المتضمَّنة: مسطَّر تحتها · خط متقطع: مُعلِّقون آخرون (للقراءة فقط) · إطار متقطع: اقتراح</translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <source>Labels</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>اللون</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>اللون…</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>أعلى</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>أسفل</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>حذف…</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <source>Relation types</source>
            <translation>أنواع العلاقات</translation>
        </message>
        <message>
            <source>Attributes</source>
            <translation>السمات</translation>
        </message>
        <message>
            <source>Article questions</source>
            <translation>أسئلة المقالة</translation>
        </message>
        <message>
            <source>The key {key} is already {label}'s.</source>
            <translation>المفتاح {key} مستخدم مسبقًا للوسم {label}.</translation>
        </message>
        <message>
            <source>{spans} use the label {label}; they keep it under its new name {new}. Rename?</source>
            <translation>يستعمل الوسم {label} {spans}؛ وتبقى عليه باسمه الجديد {new}. أتعيد التسمية؟</translation>
        </message>
        <message>
            <source>Rename label</source>
            <translation>إعادة تسمية الوسم</translation>
        </message>
        <message>
            <source>Add label</source>
            <translation>إضافة وسم</translation>
        </message>
        <message>
            <source>Name of the new label:</source>
            <translation>اسم الوسم الجديد:</translation>
        </message>
        <message>
            <source>Colour of {label}</source>
            <translation>لون {label}</translation>
        </message>
        <message>
            <source>{spans} use the label {label}. Deleting the label deletes them too, for every annotator (Undo in this window brings them back). Delete?</source>
            <translation>عدد المقاطع التي تستخدم الوسم {label}: {spans}. حذف الوسم يحذفها أيضًا لدى كل المُعلِّقين (يعيدها زر التراجع في هذه النافذة). هل تريد الحذف؟</translation>
        </message>
        <message>
            <source>Delete label</source>
            <translation>حذف الوسم</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
        <message>
            <source>Arabic</source>
            <translation>العربية</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Annotator — {file}</source>
            <translation>المُعلِّق — {file}</translation>
        </message>
        <message>
            <source>Annotate</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>الاتفاق</translation>
        </message>
        <message>
            <source>Curate</source>
            <translation>التحكيم</translation>
        </message>
        <message>
            <source>Consistency</source>
            <translation>الاتساق</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>All changes saved</source>
            <translation>حُفظت كل التغييرات</translation>
        </message>
        <message>
            <source>Read-only</source>
            <translation>للقراءة فقط</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <source>&amp;Article</source>
            <translation>م&amp;قالة</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>A&amp;nnotator</source>
            <translation>مُ&amp;علِّق</translation>
        </message>
        <message>
            <source>&amp;Labels</source>
            <translation>&amp;وسوم</translation>
        </message>
        <message>
            <source>Tag the selection</source>
            <translation>وسم التحديد</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>اللغ&amp;ة</translation>
        </message>
        <message>
            <source>Saved {time}</source>
            <translation>حُفظ {time}</translation>
        </message>
        <message>
            <source>Updated: another program changed the project</source>
            <translation>حُدِّث العرض: غيّر برنامج آخر المشروع</translation>
        </message>
        <message>
            <source>This project is open read-only, so nothing was changed. To work on it, copy the file to a folder you can write to.</source>
            <translation>هذا المشروع مفتوح للقراءة فقط، فلم يتغيّر شيء. لتعمل عليه انسخ الملف إلى مجلد تستطيع الكتابة فيه.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>لم يُحفظ</translation>
        </message>
        <message>
            <source>The change was not saved</source>
            <translation>لم يُحفظ التغيير</translation>
        </message>
        <message>
            <source>{spans} · {status}</source>
            <translation>{spans} · {status}</translation>
        </message>
        <message>
            <source>Switch annotator</source>
            <translation>تبديل المُعلِّق</translation>
        </message>
        <message>
            <source>Annotator — {file} — read-only</source>
            <translation>المُعلِّق — {file} — للقراءة فقط</translation>
        </message>
        <message>
            <source>Who is annotating? (type a new name to add one)</source>
            <translation>من يقوم بالتعليق؟ (اكتب اسمًا جديدًا لإضافته)</translation>
        </message>
        <message>
            <source>Annotator: {name}</source>
            <translation>المُعلِّق: {name}</translation>
        </message>
        <message>
            <source> · reviewing others</source>
            <translation> · مراجعة الآخرين</translation>
        </message>
        <message>
            <source>No article</source>
            <translation>لا مقالة</translation>
        </message>
    </context>
    <context>
        <name>MeasureHelp</name>
        <message>
            <source>Krippendorff's α on every character: the standard reliability figure; drops sharply when most characters are unlabelled, so read it beside AC1.</source>
            <translation>ألفا كريبندورف على كل حرف: مقياس الموثوقية المعتاد؛ ينخفض بشدة حين يكون معظم الحروف بلا وسم، فاقرأه بجانب AC1.</translation>
        </message>
        <message>
            <source>Krippendorff's unitizing α: agreement on where spans start and end along the text; a rater's overlapping spans of one label are merged first.</source>
            <translation>ألفا كريبندورف للتقطيع: الاتفاق على مواضع بداية المقاطع ونهايتها على امتداد النص؛ تُدمج أولًا مقاطع المُعلِّق المتداخلة من الوسم نفسه.</translation>
        </message>
        <message>
            <source>Cohen's κ for a pair of annotators (mean over pairs elsewhere): familiar, but like α it punishes skewed data (the prevalence paradox).</source>
            <translation>كابا كوهين لزوج من المُعلِّقين (المتوسط على الأزواج في غير ذلك): مألوف، لكنه مثل ألفا يعاقب البيانات المنحرفة (مفارقة الانتشار).</translation>
        </message>
        <message>
            <source>Share of spans both annotators marked with identical boundaries and label: strict; use when exact boundaries matter (e.g. training data).</source>
            <translation>نسبة المقاطع التي وسمها المُعلِّقان بالحدود والوسم نفسها تمامًا: صارم؛ استخدمه حين تهم الحدود الدقيقة (مثل بيانات التدريب).</translation>
        </message>
        <message>
            <source>Share of spans matched one to one by label and at least one shared character: forgiving about boundaries; use to see whether annotators find the same things.</source>
            <translation>نسبة المقاطع المتقابلة واحدًا لواحد بالوسم وبحرف مشترك واحد على الأقل: متسامح مع الحدود؛ استخدمه لمعرفة هل يجد المُعلِّقون الأشياء نفسها.</translation>
        </message>
        <message>
            <source>Gwet's AC1: chance-corrected like κ but stable when most characters carry no label; use when α or κ look low although annotators mostly agree.</source>
            <translation>AC1 لغويت: مصحَّح للصدفة مثل كابا لكنه مستقر حين لا يحمل معظم الحروف وسمًا؛ استخدمه حين تبدو ألفا أو كابا منخفضة مع أن المُعلِّقين متفقون في الغالب.</translation>
        </message>
        <message>
            <source>Fleiss' κ: one chance-corrected figure for three or more annotators at once, comparable with published multi-rater studies.</source>
            <translation>كابا فلايس: قيمة واحدة مصحَّحة للصدفة لثلاثة مُعلِّقين أو أكثر معًا، قابلة للمقارنة مع الدراسات المنشورة متعددة المُقيِّمين.</translation>
        </message>
        <message>
            <source>Share of relations both annotators drew with the same type between spans with identical boundaries and labels: strict about the ends.</source>
            <translation>نسبة العلاقات التي رسمها المُعلِّقان بالنوع نفسه بين مقاطع متطابقة الحدود والوسوم: صارم في طرفي العلاقة.</translation>
        </message>
        <message>
            <source>Share of relations of the same type whose two ends are spans the overlap matching paired: do annotators link the same things?</source>
            <translation>نسبة العلاقات من النوع نفسه التي طرفاها مقطعان قابلت بينهما مطابقة التداخل: هل يربط المُعلِّقون الأشياء نفسها؟</translation>
        </message>
        <message>
            <source>Krippendorff's α of a span attribute over the spans annotators marked identically; unmatched spans count in span F1, not here. All attributes: their mean.</source>
            <translation>ألفا كريبندورف لسمة مقطع على المقاطع التي حددها المُعلِّقون متطابقةً؛ المقاطع غير المتقابلة تُحسب في F1 للمقاطع لا هنا. لكل السمات: متوسطها.</translation>
        </message>
        <message>
            <source>Krippendorff's α of a span attribute over the spans the overlap matching paired: do annotators describe the same things alike? All attributes: their mean.</source>
            <translation>ألفا كريبندورف لسمة مقطع على المقاطع التي قابلت بينها مطابقة التداخل: هل يصف المُعلِّقون الأشياء نفسها بالوصف نفسه؟ لكل السمات: متوسطها.</translation>
        </message>
        <message>
            <source>Krippendorff's α of an article question over the articles all annotators answered (multiple choice: yes/no per option); corpus only. All questions: their mean.</source>
            <translation>ألفا كريبندورف لسؤال عن المقالة على المقالات التي أجاب عنها كل المُعلِّقين (الاختيار المتعدد: نعم/لا لكل خيار)؛ للمدونة فقط. لكل الأسئلة: متوسطها.</translation>
        </message>
        <message>
            <source>Fleiss' κ of an article question, all annotators at once, comparable with published multi-rater studies; corpus only. All questions: their mean.</source>
            <translation>كابا فلايس لسؤال عن المقالة، لكل المُعلِّقين معًا، قابلة للمقارنة مع الدراسات المنشورة متعددة المُقيِّمين؛ للمدونة فقط. لكل الأسئلة: متوسطها.</translation>
        </message>
        <message>
            <source>Gwet's AC1 of an article question: stays stable when one answer dominates, where α and κ drop; corpus only. All questions: their mean.</source>
            <translation>AC1 لغويت لسؤال عن المقالة: يبقى مستقرًّا حين تغلب إجابة واحدة، حيث تنخفض ألفا وكابا؛ للمدونة فقط. لكل الأسئلة: متوسطها.</translation>
        </message>
        <message>
            <source>Share of annotator pairs giving the same answer, not corrected for chance: finds the articles whose codes differ. All questions: their mean.</source>
            <translation>نسبة أزواج المُعلِّقين الذين أعطوا الإجابة نفسها، دون تصحيح للصدفة: تكشف المقالات التي تختلف رموزها. لكل الأسئلة: متوسطها.</translation>
        </message>
    </context>
    <context>
        <name>MetadataFilter</name>
        <message>
            <source>Filter by title or metadata…</source>
            <translation>رشّح بالعنوان أو البيانات الوصفية…</translation>
        </message>
        <message>
            <source>Show only the articles whose metadata key has the value chosen beside</source>
            <translation>اعرض فقط المقالات التي يحمل مفتاح بياناتها الوصفية القيمة المختارة بجانبه</translation>
        </message>
        <message>
            <source>The order of the list</source>
            <translation>ترتيب القائمة</translation>
        </message>
        <message>
            <source>Any metadata</source>
            <translation>أي بيانات وصفية</translation>
        </message>
        <message>
            <source>Corpus order</source>
            <translation>ترتيب المدونة</translation>
        </message>
        <message>
            <source>Sorted by {key}</source>
            <translation>مرتّبة حسب {key}</translation>
        </message>
        <message>
            <source>any value</source>
            <translation>أي قيمة</translation>
        </message>
    </context>
    <context>
        <name>NameFilter</name>
        <message>
            <source>all</source>
            <translation>الكل</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>{what}: {names}</source>
            <translation>{what}: {names}</translation>
        </message>
    </context>
    <context>
        <name>NewPartDialog</name>
        <message>
            <source>separated by commas</source>
            <translation>مفصولة بفواصل</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>الاسم:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>النوع:</translation>
        </message>
        <message>
            <source>Values:</source>
            <translation>القيم:</translation>
        </message>
    </context>
    <context>
        <name>Order</name>
        <message>
            <source>corpus order</source>
            <translation>ترتيب المدونة</translation>
        </message>
        <message>
            <source>lowest agreement first</source>
            <translation>الأدنى اتفاقًا أولًا</translation>
        </message>
    </context>
    <context>
        <name>PassageDelegate</name>
        <message>
            <source>A</source>
            <translation>أ</translation>
        </message>
        <message>
            <source>B</source>
            <translation>ب</translation>
        </message>
    </context>
    <context>
        <name>PassageListModel</name>
        <message>
            <source>Articles</source>
            <translation>المقالات</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>المقطع</translation>
        </message>
        <message>
            <source>Words</source>
            <translation>الكلمات</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>الاختلافات</translation>
        </message>
        <message>
            <source>A {start_a}–{end_a} · B {start_b}–{end_b}</source>
            <translation>أ {start_a}–{end_a} · ب {start_b}–{end_b}</translation>
        </message>
    </context>
    <context>
        <name>PassageSides</name>
        <message>
            <source>Open in Annotate</source>
            <translation>افتح في الوسم</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>الاختلاف</translation>
        </message>
        <message>
            <source>Annotators</source>
            <translation>المُعلِّقون</translation>
        </message>
        <message>
            <source>In A</source>
            <translation>في أ</translation>
        </message>
        <message>
            <source>In B</source>
            <translation>في ب</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Copy spans A → B</source>
            <translation>انسخ المقاطع أ ← ب</translation>
        </message>
        <message>
            <source>Copy spans B → A</source>
            <translation>انسخ المقاطع ب ← أ</translation>
        </message>
        <message>
            <source>A</source>
            <translation>أ</translation>
        </message>
        <message>
            <source>B</source>
            <translation>ب</translation>
        </message>
        <message>
            <source>{side}: {title} — characters {start}–{end}</source>
            <translation>{side}: {title} — المحارف {start}–{end}</translation>
        </message>
        <message>
            <source>missing in B</source>
            <translation>ناقص في ب</translation>
        </message>
        <message>
            <source>missing in A</source>
            <translation>ناقص في أ</translation>
        </message>
        <message>
            <source>different label</source>
            <translation>وسم مختلف</translation>
        </message>
        <message>
            <source>different boundaries</source>
            <translation>حدود مختلفة</translation>
        </message>
    </context>
    <context>
        <name>QuestionsTab</name>
        <message>
            <source>single choice</source>
            <translation>اختيار واحد</translation>
        </message>
        <message>
            <source>multiple choice</source>
            <translation>اختيار متعدد</translation>
        </message>
        <message>
            <source>yes or no</source>
            <translation>نعم أو لا</translation>
        </message>
        <message>
            <source>short text</source>
            <translation>نص قصير</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>السؤال</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Add question…</source>
            <translation>إضافة سؤال…</translation>
        </message>
        <message>
            <source>Delete question…</source>
            <translation>حذف السؤال…</translation>
        </message>
        <message>
            <source>Select a question to see its options.</source>
            <translation>حدّد سؤالًا لترى خياراته.</translation>
        </message>
        <message>
            <source>Options of {name}:</source>
            <translation>خيارات {name}:</translation>
        </message>
        <message>
            <source>{name} is answered {kind}: it has no options.</source>
            <translation>يُجاب عن {name} بـ{kind}: لا خيارات له.</translation>
        </message>
        <message>
            <source>Add an article question</source>
            <translation>إضافة سؤال عن المقالة</translation>
        </message>
        <message>
            <source>Rename question</source>
            <translation>إعادة تسمية السؤال</translation>
        </message>
        <message>
            <source>The question {name} has {answers} in {articles}; they keep it under its new name {new}. Rename?</source>
            <translation>للسؤال {name} {answers} في {articles}؛ وتبقى له باسمه الجديد {new}. أتعيد التسمية؟</translation>
        </message>
        <message>
            <source>There is already an article question named {name}.</source>
            <translation>يوجد من قبل سؤال عن المقالة اسمه {name}.</translation>
        </message>
        <message>
            <source>{option} is already an option of {name}.</source>
            <translation>{option} خيار من خيارات {name} من قبل.</translation>
        </message>
        <message>
            <source>The question {name} has {answers} in {articles}: its kind cannot change while it does.</source>
            <translation>للسؤال {name} {answers} في {articles}: لا يتغيّر نوعه ما دامت له.</translation>
        </message>
        <message>
            <source>Delete question</source>
            <translation>حذف السؤال</translation>
        </message>
        <message>
            <source>The question {name} has {answers} in {articles}. Deleting it deletes those answers too, for every annotator (Undo in this window brings them back). Delete?</source>
            <translation>للسؤال {name} {answers} في {articles}. حذفه يحذف تلك الإجابات لدى كل المعلّقين (التراجع في هذه النافذة يعيدها). أتحذفه؟</translation>
        </message>
        <message>
            <source>New option of {name}:</source>
            <translation>خيار جديد لـ{name}:</translation>
        </message>
        <message>
            <source>Add option</source>
            <translation>إضافة خيار</translation>
        </message>
        <message>
            <source>Respell option</source>
            <translation>تعديل كتابة الخيار</translation>
        </message>
        <message>
            <source>{option} is chosen for {name} by {answers} in {articles}; they change to {new}. Respell?</source>
            <translation>اختير {option} لـ{name} في {answers} في {articles}؛ ويصير {new}. أتعدّل الكتابة؟</translation>
        </message>
        <message>
            <source>Remove option</source>
            <translation>إزالة الخيار</translation>
        </message>
        <message>
            <source>{option} is chosen for {name} by {answers} in {articles}. Removing the option takes it out of them too (Undo in this window brings it back). Remove?</source>
            <translation>اختير {option} لـ{name} في {answers} في {articles}. إزالة الخيار تحذفه منها أيضًا (التراجع في هذه النافذة يعيده). أتزيله؟</translation>
        </message>
    </context>
    <context>
        <name>RelationPicker</name>
        <message>
            <source>A “{type}” relation cannot start at a {label} span.</source>
            <translation>لا تبدأ علاقة «{type}» من مقطع {label}.</translation>
        </message>
        <message>
            <source>No relation type starts at a {label} span (Labels ▸ Edit labels… sets which labels a relation joins).</source>
            <translation>لا يبدأ أي نوع علاقة من مقطع {label} (الوسوم ◂ تحرير الوسوم… يحدد الوسوم التي تربطها كل علاقة).</translation>
        </message>
        <message>
            <source>No span of this paragraph can be the other end: click one, or Esc to cancel.</source>
            <translation>لا مقطع في هذه الفقرة يصلح طرفًا آخر: انقر مقطعًا، أو Esc للإلغاء.</translation>
        </message>
        <message>
            <source>Not linked: {reason}</source>
            <translation>لم يُربط: {reason}</translation>
        </message>
        <message>
            <source>No relation made.</source>
            <translation>لم تُنشأ علاقة.</translation>
        </message>
        <message>
            <source>a relation joins two different spans.</source>
            <translation>العلاقة تربط مقطعين مختلفين.</translation>
        </message>
        <message>
            <source>that span is {annotator}'s; a relation joins two spans of the same annotator.</source>
            <translation>هذا المقطع لـ{annotator}؛ العلاقة تربط مقطعين للمُعلِّق نفسه.</translation>
        </message>
        <message>
            <source>a “{type}” relation must start at a span labelled {labels}, not {label}.</source>
            <translation>علاقة «{type}» تبدأ من مقطع موسوم {labels}، لا {label}.</translation>
        </message>
        <message>
            <source>a “{type}” relation must end at a span labelled {labels}, not {label}.</source>
            <translation>علاقة «{type}» تنتهي عند مقطع موسوم {labels}، لا {label}.</translation>
        </message>
        <message>
            <source>these spans are already linked by “{type}”.</source>
            <translation>هذان المقطعان مربوطان بعلاقة «{type}» من قبل.</translation>
        </message>
        <message>
            <source> or </source>
            <translation> أو </translation>
        </message>
        <message>
            <source> · R other type</source>
            <translation> · R نوع آخر</translation>
        </message>
        <message>
            <source>{type} from «{head}»: no span of this paragraph fits — click one{more} · Esc cancels</source>
            <translation>{type} من «{head}»: لا مقطع في هذه الفقرة يناسب — انقر مقطعًا{more} · Esc يلغي</translation>
        </message>
        <message>
            <source>{type}: «{head}» → «{child}» — Enter links · N/P other end{more} · Esc cancels</source>
            <translation>{type}: «{head}» ← «{child}» — Enter يربط · N/P طرف آخر{more} · Esc يلغي</translation>
        </message>
    </context>
    <context>
        <name>RelationTableModel</name>
        <message>
            <source>Head</source>
            <translation>الرأس</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>العلاقة</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>الطرف التابع</translation>
        </message>
        <message>
            <source> (read-only)</source>
            <translation> (للقراءة فقط)</translation>
        </message>
        <message>
            <source>{head} «{head_text}» — {type} → {child} «{child_text}», by {annotator}{read_only}</source>
            <translation>{head} «{head_text}» — {type} ← {child} «{child_text}»، من {annotator}{read_only}</translation>
        </message>
    </context>
    <context>
        <name>RelationTypesTab</name>
        <message>
            <source>Name</source>
            <translation>الاسم</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>اللون</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>المفتاح</translation>
        </message>
        <message>
            <source>Directed</source>
            <translation>الاتجاه</translation>
        </message>
        <message>
            <source>Head (where the relation starts):</source>
            <translation>الرأس (حيث تبدأ العلاقة):</translation>
        </message>
        <message>
            <source>Child (where it ends):</source>
            <translation>الطرف التابع (حيث تنتهي العلاقة):</translation>
        </message>
        <message>
            <source>No label ticked: a span of any label may be that end.</source>
            <translation>إن لم يُعلَّم أي وسم جاز أن يكون ذلك الطرف مقطعًا بأي وسم.</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>إضافة…</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>اللون…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>حذف…</translation>
        </message>
        <message>
            <source>head → child</source>
            <translation>الرأس ← الطرف التابع</translation>
        </message>
        <message>
            <source>either way</source>
            <translation>في الاتجاهين</translation>
        </message>
        <message>
            <source>Add relation type</source>
            <translation>إضافة نوع علاقة</translation>
        </message>
        <message>
            <source>Name of the new relation type:</source>
            <translation>اسم نوع العلاقة الجديد:</translation>
        </message>
        <message>
            <source>Rename relation type</source>
            <translation>إعادة تسمية نوع العلاقة</translation>
        </message>
        <message>
            <source>The relation type {name} is used by {relations} in {articles}; they keep it under its new name {new}. Rename?</source>
            <translation>نوع العلاقة {name} مستعمل في {relations} في {articles}؛ وتبقى عليه باسمه الجديد {new}. أتعيد التسمية؟</translation>
        </message>
        <message>
            <source>There is already a relation type named {name}.</source>
            <translation>يوجد من قبل نوع علاقة اسمه {name}.</translation>
        </message>
        <message>
            <source>The key {key} is already {name}'s.</source>
            <translation>المفتاح {key} مخصّص من قبل لـ{name}.</translation>
        </message>
        <message>
            <source>Colour of {name}</source>
            <translation>لون {name}</translation>
        </message>
        <message>
            <source>Delete relation type</source>
            <translation>حذف نوع العلاقة</translation>
        </message>
        <message>
            <source>The relation type {name} is used by {relations} in {articles}. Deleting it deletes them too, for every annotator (Undo in this window brings them back). Delete?</source>
            <translation>نوع العلاقة {name} مستعمل في {relations} في {articles}. حذفه يحذفها معه لدى كل المعلّقين (التراجع في هذه النافذة يعيدها). أتحذفه؟</translation>
        </message>
    </context>
    <context>
        <name>SearchDock</name>
        <message>
            <source>Search</source>
            <translation>بحث</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search all articles…</source>
            <translation>ابحث في كل المقالات…</translation>
        </message>
        <message>
            <source>Harakat, tatweel and the forms of alef, ya and ta marbuta are ignored; words are found inside longer words too</source>
            <translation>تُتجاهل الحركات والتطويل وصور الألف والياء والتاء المربوطة؛ وتوجد الكلمة داخل الكلمات الأطول أيضًا</translation>
        </message>
        <message>
            <source>Search any text, or only the spans of one label</source>
            <translation>البحث في النص كله، أو في مقاطع وسم واحد فقط</translation>
        </message>
        <message>
            <source>Any text</source>
            <translation>أي نص</translation>
        </message>
        <message>
            <source>Spans: {label}</source>
            <translation>مقاطع: {label}</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>جارٍ البحث…</translation>
        </message>
        <message>
            <source>{shown} listed · counting…</source>
            <translation>عُرضت {shown} · جارٍ العدّ…</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>جارٍ العدّ…</translation>
        </message>
        <message>
            <source>Search failed: {error}</source>
            <translation>تعذّر البحث: {error}</translation>
        </message>
        <message>
            <source>Type a word or phrase to search every article.</source>
            <translation>اكتب كلمة أو عبارة للبحث في كل المقالات.</translation>
        </message>
        <message>
            <source>No spans contain it.</source>
            <translation>لا مقاطع تحتويها.</translation>
        </message>
        <message>
            <source>No matches.</source>
            <translation>لا نتائج.</translation>
        </message>
        <message>
            <source> (the first {shown} are listed)</source>
            <translation> (تُعرض أول {shown})</translation>
        </message>
        <message>
            <source>1 span contains it</source>
            <translation>مقطع واحد يحتويها</translation>
        </message>
        <message>
            <source>{found} in {articles}</source>
            <translation>{found} في {articles}</translation>
        </message>
    </context>
    <context>
        <name>SpanInspector</name>
        <message>
            <source>Note on this span</source>
            <translation>ملاحظة على هذا المقطع</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>Select a span to see its attributes and note.</source>
            <translation>حدّد مقطعًا لترى سماته وملاحظته.</translation>
        </message>
        <message>
            <source>{label}: «{excerpt}»</source>
            <translation>{label}: «{excerpt}»</translation>
        </message>
        <message>
            <source>none</source>
            <translation>لا شيء</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>نعم</translation>
        </message>
        <message>
            <source>from the list: type to complete</source>
            <translation>من القائمة: اكتب ليُكمَل</translation>
        </message>
        <message>
            <source>«{typed}» is not in the list of {attribute}: nothing stored (new entries are added to the list in Labels ▸ Edit labels…).</source>
            <translation>«{typed}» ليس في قائمة {attribute}: لم يُحفظ شيء (تُضاف المدخلات الجديدة إلى القائمة من الوسوم ◂ تحرير الوسوم…).</translation>
        </message>
    </context>
    <context>
        <name>SpanTableModel</name>
        <message>
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>السطر</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>السياق</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>المُعلِّق</translation>
        </message>
        <message>
            <source>Click to sort by this column; click again to reverse</source>
            <translation>انقر للترتيب حسب هذا العمود، وانقر ثانيةً لعكس الترتيب</translation>
        </message>
        <message>
            <source> (read-only)</source>
            <translation> (للقراءة فقط)</translation>
        </message>
        <message>
            <source>{label} — {annotator}{read_only}, line {line}, characters {start}–{end}</source>
            <translation>{label} — {annotator}{read_only}، السطر {line}، الأحرف {start}–{end}</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>new</source>
            <translation>جديدة</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>done</source>
            <translation>منتهية</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsBar</name>
        <message>
            <source>After a tag, its other occurrences are offered here</source>
            <translation>بعد الوسم تُقترح هنا المواضع الأخرى للنص نفسه</translation>
        </message>
        <message>
            <source>Accept next</source>
            <translation>قبول التالي</translation>
        </message>
        <message>
            <source>All in this article</source>
            <translation>الكل في هذه المقالة</translation>
        </message>
        <message>
            <source>All in the corpus…</source>
            <translation>الكل في المدوّنة…</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>تجاهل</translation>
        </message>
        <message>
            <source>«{text}» also appears {here} in this article (searching the other articles…) — tag as {label}?</source>
            <translation>«{text}» يرد أيضًا {here} في هذه المقالة (جارٍ البحث في المقالات الأخرى…) — وسمه {label}؟</translation>
        </message>
        <message>
            <source>«{text}» appears {elsewhere} in {articles} — tag as {label}?</source>
            <translation>«{text}» يرد {elsewhere} في {articles} — وسمه {label}؟</translation>
        </message>
        <message>
            <source>«{text}» also appears {here} in this article and {elsewhere} in {articles} — tag as {label}?</source>
            <translation>«{text}» يرد أيضًا {here} في هذه المقالة و{elsewhere} في {articles} — وسمه {label}؟</translation>
        </message>
    </context>
    <context>
        <name>TeamActions</name>
        <message>
            <source>Annotator packs (*.annotator)</source>
            <translation>حِزم المُعلِّق (*.annotator)</translation>
        </message>
        <message>
            <source>Projects, packs and JSONL (*.sqlite *.db *.annotator *.jsonl);;All files (*)</source>
            <translation>مشاريع وحِزم وJSONL (*.sqlite *.db *.annotator *.jsonl);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>Export for annotators</source>
            <translation>تصدير للمُعلِّقين</translation>
        </message>
        <message>
            <source>Assign articles to (names separated by commas; leave empty for no assignment):</source>
            <translation>إسناد المقالات إلى (أسماء تفصل بينها فواصل؛ اتركه فارغًا لعدم الإسناد):</translation>
        </message>
        <message>
            <source>Annotators per article:</source>
            <translation>عدد المُعلِّقين لكل مقالة:</translation>
        </message>
        <message>
            <source>Export my work</source>
            <translation>تصدير عملي</translation>
        </message>
        <message>
            <source>Your annotator name:</source>
            <translation>اسمك مُعلِّقًا:</translation>
        </message>
        <message>
            <source>Open pack</source>
            <translation>فتح حزمة</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>دمج</translation>
        </message>
        <message>
            <source>Merge: the same annotator's work differs</source>
            <translation>الدمج: عمل المُعلِّق نفسه مختلف</translation>
        </message>
        <message>
            <source>Keep the more recent edit wherever work differs?</source>
            <translation>الإبقاء على التعديل الأحدث حيثما اختلف العمل؟</translation>
        </message>
        <message>
            <source>Export for annotators…</source>
            <translation>تصدير للمُعلِّقين…</translation>
        </message>
        <message>
            <source>Write a pack of articles, labels and guidelines to hand out</source>
            <translation>كتابة حزمة من المقالات والوسوم والإرشادات لتوزيعها</translation>
        </message>
        <message>
            <source>Export my work…</source>
            <translation>تصدير عملي…</translation>
        </message>
        <message>
            <source>Write your spans and statuses as JSONL to send back</source>
            <translation>كتابة مقاطعك وحالاتك بصيغة JSONL لإعادتها</translation>
        </message>
        <message>
            <source>Open pack…</source>
            <translation>فتح حزمة…</translation>
        </message>
        <message>
            <source>Add a pack's articles, labels and assignment to this project</source>
            <translation>إضافة مقالات الحزمة ووسومها وإسنادها إلى هذا المشروع</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>دمج…</translation>
        </message>
        <message>
            <source>Merge other projects, packs or JSONL into this project</source>
            <translation>دمج مشاريع أو حِزم أو ملفات JSONL أخرى في هذا المشروع</translation>
        </message>
        <message>
            <source>
{name}: {articles}</source>
            <translation>
{name}: {articles}</translation>
        </message>
        <message>
            <source>Wrote {articles} to {path}.</source>
            <translation>كُتب في {path}: {articles}.</translation>
        </message>
        <message>
            <source>Wrote {articles} of {annotator}'s work to {path}.</source>
            <translation>كُتب من عمل {annotator} في {path}: {articles}.</translation>
        </message>
    </context>
    <context>
        <name>TeamFolder</name>
        <message>
            <source>, </source>
            <translation>، </translation>
        </message>
        <message>
            <source>&amp;Team folder…</source>
            <translation>مجلد ال&amp;فريق…</translation>
        </message>
        <message>
            <source>Join a folder shared by the team, see the current one, or leave it</source>
            <translation>الانضمام إلى مجلد يتشاركه الفريق، أو عرض المجلد الحالي، أو مغادرته</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>الفريق</translation>
        </message>
        <message>
            <source>Joined the team folder {folder} as {name}</source>
            <translation>انضممتَ إلى مجلد الفريق {folder} باسم {name}</translation>
        </message>
        <message>
            <source>Left the team folder: its files stay there, and everything merged from it stays here</source>
            <translation>غادرتَ مجلد الفريق: تبقى ملفاته فيه، ويبقى هنا كل ما دُمج منه</translation>
        </message>
        <message>
            <source>Updated from the team folder</source>
            <translation>تحديث من مجلد الفريق</translation>
        </message>
        <message>
            <source>The team folder round failed: {message}</source>
            <translation>تعذّرت جولة مجلد الفريق: {message}</translation>
        </message>
        <message>
            <source>Updated work from {names}</source>
            <translation>عمل محدَّث من {names}</translation>
        </message>
        <message>
            <source>{what} from {names}</source>
            <translation>{what} من {names}</translation>
        </message>
    </context>
    <context>
        <name>TeamFolderDialog</name>
        <message>
            <source>Team folder</source>
            <translation>مجلد الفريق</translation>
        </message>
        <message>
            <source>A folder that a sync engine (Syncthing, Nextcloud, Dropbox…) or git keeps in step on every desktop of the team. This desktop writes only its own file there and merges everyone else's as they arrive.</source>
            <translation>مجلد يُبقيه محرّك مزامنة (Syncthing أو Nextcloud أو Dropbox…) أو git متطابقًا على كل أجهزة الفريق. يكتب هذا الجهاز فيه ملفه وحده، ويدمج ملفات الآخرين حين تصل.</translation>
        </message>
        <message>
            <source>The shared folder</source>
            <translation>المجلد المشترك</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>اختيار…</translation>
        </message>
        <message>
            <source>I am the reviewer: also publish the articles, labels, guidelines, assignments and gold</source>
            <translation>أنا المراجِع: انشر أيضًا المقالات والوسوم والإرشادات والإسناد والمعيار الذهبي</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>المجلد:</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>اسمك:</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>انضمام</translation>
        </message>
        <message>
            <source>Leave the folder</source>
            <translation>مغادرة المجلد</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>This project is not joined to a team folder.</source>
            <translation>هذا المشروع غير منضم إلى مجلد فريق.</translation>
        </message>
        <message>
            <source>as the reviewer</source>
            <translation>بصفتك المراجِع</translation>
        </message>
        <message>
            <source>as an annotator</source>
            <translation>بصفتك مُعلِّقًا</translation>
        </message>
        <message>
            <source>Joined to {folder}, working here as {name} ({role}).</source>
            <translation>منضم إلى {folder}، وتعمل هنا باسم {name} ({role}).</translation>
        </message>
        <message>
            <source>Choose the team folder</source>
            <translation>اختر مجلد الفريق</translation>
        </message>
        <message>
            <source>Choose the shared folder first.</source>
            <translation>اختر المجلد المشترك أولًا.</translation>
        </message>
        <message>
            <source>This project is open read-only, so it cannot join a team folder. Copy the file to a folder you can write to first.</source>
            <translation>هذا المشروع مفتوح للقراءة فقط، فلا يمكنه الانضمام إلى مجلد فريق. انسخ الملف أولًا إلى مجلد تستطيع الكتابة فيه.</translation>
        </message>
        <message>
            <source>{name} cannot name your file in the team folder: give a name without slashes that does not begin with a dot.</source>
            <translation>لا يصلح {name} اسمًا لملفك في مجلد الفريق: اختر اسمًا بلا شُرَط مائلة لا يبدأ بنقطة.</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder: choose the shared folder itself. Nothing was changed.</source>
            <translation>المسار {folder} ملف لا مجلد: اختر المجلد المشترك نفسه. لم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>{folder} does not exist (is the share mounted?): choose a folder that does. Nothing was changed.</source>
            <translation>المجلد {folder} غير موجود (هل المجلد المشترك موصول؟): اختر مجلدًا موجودًا. لم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>{folder} cannot be written: check its permissions. Nothing was changed.</source>
            <translation>لا يمكن الكتابة في {folder}: تحقّق من أذوناته. لم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>This folder cannot be used as the team folder; nothing was changed.</source>
            <translation>لا يمكن استخدام هذا المجلد مجلدًا للفريق؛ لم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>The project could not leave the team folder.</source>
            <translation>تعذّر على المشروع مغادرة مجلد الفريق.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>حسنًا</translation>
        </message>
    </context>
    <context>
        <name>TeamPanel</name>
        <message>
            <source>Annotator</source>
            <translation>المُعلِّق</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>منتهية</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>Assigned</source>
            <translation>مُسندة</translation>
        </message>
        <message>
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>آخر نشاط</translation>
        </message>
        <message>
            <source>Last file seen</source>
            <translation>آخر ملف رُئي</translation>
        </message>
        <message>
            <source>File</source>
            <translation>حال الملف</translation>
        </message>
        <message>
            <source>merged (sequence {sequence})</source>
            <translation>دُمج (التسلسل {sequence})</translation>
        </message>
        <message>
            <source>up to date (sequence {sequence})</source>
            <translation>محدَّث (التسلسل {sequence})</translation>
        </message>
        <message>
            <source>incomplete: waiting for the rest</source>
            <translation>ناقص: بانتظار بقيته</translation>
        </message>
        <message>
            <source>refused: damaged or altered</source>
            <translation>مرفوض: تالف أو معدَّل</translation>
        </message>
        <message>
            <source>a conflict copy, kept on disk</source>
            <translation>نسخة تعارض، أُبقيت على القرص</translation>
        </message>
        <message>
            <source>an older copy, not merged</source>
            <translation>نسخة أقدم، لم تُدمج</translation>
        </message>
        <message>
            <source>written under my name elsewhere</source>
            <translation>كُتب باسمي على جهاز آخر</translation>
        </message>
        <message>
            <source>reviewer</source>
            <translation>المراجِع</translation>
        </message>
        <message>
            <source>annotator</source>
            <translation>المُعلِّق</translation>
        </message>
        <message>
            <source>Team folder {folder} · working here as {name} ({role})</source>
            <translation>مجلد الفريق {folder} · تعمل هنا باسم {name} ({role})</translation>
        </message>
        <message>
            <source>Waiting for the first round through the folder…</source>
            <translation>بانتظار الجولة الأولى عبر المجلد…</translation>
        </message>
        <message>
            <source>Last round {time}: {files} in the folder</source>
            <translation>آخر جولة {time}: {files} في المجلد</translation>
        </message>
        <message>
            <source>my file (sequence {sequence})</source>
            <translation>ملفي (التسلسل {sequence})</translation>
        </message>
        <message>
            <source>no file in the folder</source>
            <translation>لا ملف في المجلد</translation>
        </message>
    </context>
    <context>
        <name>ValueList</name>
        <message>
            <source>Add entry…</source>
            <translation>إضافة مدخل…</translation>
        </message>
        <message>
            <source>Remove entry…</source>
            <translation>إزالة المدخل…</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <source>Welcome to Annotator</source>
            <translation>مرحبًا بك في المُعلِّق</translation>
        </message>
        <message>
            <source>Every change is saved at once. Three things to know:</source>
            <translation>يُحفظ كل تغيير فورًا. ثلاثة أمور تحتاج إلى معرفتها:</translation>
        </message>
        <message>
            <source>&lt;b&gt;Who you are.&lt;/b&gt; Your name marks the spans you make (Annotator ▸ Switch annotator changes it later).</source>
            <translation>&lt;b&gt;من أنت.&lt;/b&gt; يُسجَّل اسمك على المقاطع التي تضعها (يمكنك تغييره لاحقًا من مُعلِّق ▸ تبديل المُعلِّق).</translation>
        </message>
        <message>
            <source>&lt;b&gt;Tagging.&lt;/b&gt; Select words in the article and press a label's key: {keys}. Ctrl+Z undoes.</source>
            <translation>&lt;b&gt;الوسم.&lt;/b&gt; حدِّد كلمات في المقالة واضغط مفتاح الوسم: {keys}. يتراجع Ctrl+Z عن آخر تعديل.</translation>
        </message>
        <message>
            <source>see the Labels menu</source>
            <translation>انظر قائمة وسوم</translation>
        </message>
        <message>
            <source>&lt;b&gt;Articles.&lt;/b&gt; The list holds {articles} to try things on (the sample articles in a new project); bring your own corpus with File ▸ Import articles… (Ctrl+I), or drop files on the window.</source>
            <translation>&lt;b&gt;المقالات.&lt;/b&gt; في القائمة {articles} للتجربة (المقالات النموذجية في مشروع جديد)؛ استورد مدونتك من ملف ▸ استيراد مقالات… (Ctrl+I)، أو أفلت الملفات على النافذة.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Articles.&lt;/b&gt; This project has none yet: bring your corpus with File ▸ Import articles… (Ctrl+I), or drop files on the window.</source>
            <translation>&lt;b&gt;المقالات.&lt;/b&gt; لا مقالات في هذا المشروع بعد: استورد مدونتك من ملف ▸ استيراد مقالات… (Ctrl+I)، أو أفلت الملفات على النافذة.</translation>
        </message>
        <message>
            <source>Your name:</source>
            <translation>اسمك:</translation>
        </message>
        <message>
            <source>Start annotating</source>
            <translation>ابدأ الوسم</translation>
        </message>
        <message>
            <source>Import articles…</source>
            <translation>استيراد مقالات…</translation>
        </message>
    </context>
    <context>
        <name>_Counts</name>
        <message numerus="yes">
            <source>%n span(s)</source>
            <translation>
                <numerusform>%n مقطع</numerusform>
                <numerusform>مقطع واحد</numerusform>
                <numerusform>مقطعان</numerusform>
                <numerusform>%n مقاطع</numerusform>
                <numerusform>%n مقطعًا</numerusform>
                <numerusform>%n مقطع</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n مقالة</numerusform>
                <numerusform>مقالة واحدة</numerusform>
                <numerusform>مقالتان</numerusform>
                <numerusform>%n مقالات</numerusform>
                <numerusform>%n مقالةً</numerusform>
                <numerusform>%n مقالة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other article(s)</source>
            <translation>
                <numerusform>%n مقالة أخرى</numerusform>
                <numerusform>مقالة أخرى واحدة</numerusform>
                <numerusform>مقالتان أخريان</numerusform>
                <numerusform>%n مقالات أخرى</numerusform>
                <numerusform>%n مقالةً أخرى</numerusform>
                <numerusform>%n مقالة أخرى</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pair(s) of articles</source>
            <translation>
                <numerusform>%n زوج من المقالات</numerusform>
                <numerusform>زوج واحد من المقالات</numerusform>
                <numerusform>زوجان من المقالات</numerusform>
                <numerusform>%n أزواج من المقالات</numerusform>
                <numerusform>%n زوجًا من المقالات</numerusform>
                <numerusform>%n زوج من المقالات</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shared passage(s)</source>
            <translation>
                <numerusform>%n مقطع مشترك</numerusform>
                <numerusform>مقطع مشترك واحد</numerusform>
                <numerusform>مقطعان مشتركان</numerusform>
                <numerusform>%n مقاطع مشتركة</numerusform>
                <numerusform>%n مقطعًا مشتركًا</numerusform>
                <numerusform>%n مقطع مشترك</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n place(s)</source>
            <translation>
                <numerusform>%n موضع</numerusform>
                <numerusform>موضع واحد</numerusform>
                <numerusform>موضعان</numerusform>
                <numerusform>%n مواضع</numerusform>
                <numerusform>%n موضعًا</numerusform>
                <numerusform>%n موضع</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n suggestion(s)</source>
            <translation>
                <numerusform>%n اقتراح</numerusform>
                <numerusform>اقتراح واحد</numerusform>
                <numerusform>اقتراحان</numerusform>
                <numerusform>%n اقتراحات</numerusform>
                <numerusform>%n اقتراحًا</numerusform>
                <numerusform>%n اقتراح</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n tag(s)</source>
            <translation>
                <numerusform>%n وسم</numerusform>
                <numerusform>وسم واحد</numerusform>
                <numerusform>وسمان</numerusform>
                <numerusform>%n وسوم</numerusform>
                <numerusform>%n وسمًا</numerusform>
                <numerusform>%n وسم</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n نتيجة</numerusform>
                <numerusform>نتيجة واحدة</numerusform>
                <numerusform>نتيجتان</numerusform>
                <numerusform>%n نتائج</numerusform>
                <numerusform>%n نتيجةً</numerusform>
                <numerusform>%n نتيجة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n time(s)</source>
            <translation>
                <numerusform>%n مرة</numerusform>
                <numerusform>مرة واحدة</numerusform>
                <numerusform>مرتان</numerusform>
                <numerusform>%n مرات</numerusform>
                <numerusform>%n مرةً</numerusform>
                <numerusform>%n مرة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n بالانتظار</numerusform>
                <numerusform>%n بالانتظار</numerusform>
                <numerusform>%n بالانتظار</numerusform>
                <numerusform>%n بالانتظار</numerusform>
                <numerusform>%n بالانتظار</numerusform>
                <numerusform>%n بالانتظار</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n تعليق</numerusform>
                <numerusform>تعليق واحد</numerusform>
                <numerusform>تعليقان</numerusform>
                <numerusform>%n تعليقات</numerusform>
                <numerusform>%n تعليقًا</numerusform>
                <numerusform>%n تعليق</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n ملف</numerusform>
                <numerusform>ملف واحد</numerusform>
                <numerusform>ملفان</numerusform>
                <numerusform>%n ملفات</numerusform>
                <numerusform>%n ملفًا</numerusform>
                <numerusform>%n ملف</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chart file(s)</source>
            <translation>
                <numerusform>%n ملف رسوم</numerusform>
                <numerusform>ملف رسوم واحد</numerusform>
                <numerusform>ملفّا رسوم</numerusform>
                <numerusform>%n ملفات رسوم</numerusform>
                <numerusform>%n ملفًّا للرسوم</numerusform>
                <numerusform>%n ملف رسوم</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more note(s)</source>
            <translation>
                <numerusform>%n ملاحظة أخرى</numerusform>
                <numerusform>ملاحظة أخرى واحدة</numerusform>
                <numerusform>ملاحظتان أخريان</numerusform>
                <numerusform>%n ملاحظات أخرى</numerusform>
                <numerusform>%n ملاحظةً أخرى</numerusform>
                <numerusform>%n ملاحظة أخرى</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n relation(s)</source>
            <translation>
                <numerusform>%n علاقة</numerusform>
                <numerusform>علاقة واحدة</numerusform>
                <numerusform>علاقتان</numerusform>
                <numerusform>%n علاقات</numerusform>
                <numerusform>%n علاقةً</numerusform>
                <numerusform>%n علاقة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s)</source>
            <translation>
                <numerusform>%n إجابة</numerusform>
                <numerusform>إجابة واحدة</numerusform>
                <numerusform>إجابتان</numerusform>
                <numerusform>%n إجابات</numerusform>
                <numerusform>%n إجابةً</numerusform>
                <numerusform>%n إجابة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new article(s)</source>
            <translation>
                <numerusform>%n مقالة جديدة</numerusform>
                <numerusform>مقالة جديدة واحدة</numerusform>
                <numerusform>مقالتان جديدتان</numerusform>
                <numerusform>%n مقالات جديدة</numerusform>
                <numerusform>%n مقالةً جديدة</numerusform>
                <numerusform>%n مقالة جديدة</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new span(s)</source>
            <translation>
                <numerusform>%n مقطع جديد</numerusform>
                <numerusform>مقطع جديد واحد</numerusform>
                <numerusform>مقطعان جديدان</numerusform>
                <numerusform>%n مقاطع جديدة</numerusform>
                <numerusform>%n مقطعًا جديدًا</numerusform>
                <numerusform>%n مقطع جديد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n span(s) removed</source>
            <translation>
                <numerusform>حُذف %n مقطع</numerusform>
                <numerusform>حُذف مقطع واحد</numerusform>
                <numerusform>حُذف مقطعان</numerusform>
                <numerusform>حُذفت %n مقاطع</numerusform>
                <numerusform>حُذف %n مقطعًا</numerusform>
                <numerusform>حُذف %n مقطع</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new assignment(s)</source>
            <translation>
                <numerusform>%n إسناد جديد</numerusform>
                <numerusform>إسناد جديد واحد</numerusform>
                <numerusform>إسنادان جديدان</numerusform>
                <numerusform>%n إسنادات جديدة</numerusform>
                <numerusform>%n إسنادًا جديدًا</numerusform>
                <numerusform>%n إسناد جديد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new label(s)</source>
            <translation>
                <numerusform>%n وسم جديد</numerusform>
                <numerusform>وسم جديد واحد</numerusform>
                <numerusform>وسمان جديدان</numerusform>
                <numerusform>%n وسوم جديدة</numerusform>
                <numerusform>%n وسمًا جديدًا</numerusform>
                <numerusform>%n وسم جديد</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict copy(-ies) kept</source>
            <translation>
                <numerusform>أُبقيت %n نسخة تعارض</numerusform>
                <numerusform>أُبقيت نسخة تعارض واحدة</numerusform>
                <numerusform>أُبقيت نسختا تعارض</numerusform>
                <numerusform>أُبقيت %n نسخ تعارض</numerusform>
                <numerusform>أُبقيت %n نسخةَ تعارض</numerusform>
                <numerusform>أُبقيت %n نسخة تعارض</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>actions</name>
        <message>
            <source>&amp;New project…</source>
            <translation>مشروع &amp;جديد…</translation>
        </message>
        <message>
            <source>Create a project file with the default labels, then import articles</source>
            <translation>أنشئ ملف مشروع بالوسوم الافتراضية ثم استورد المقالات</translation>
        </message>
        <message>
            <source>&amp;Open project…</source>
            <translation>&amp;فتح مشروع…</translation>
        </message>
        <message>
            <source>Open another project file in this window</source>
            <translation>افتح ملف مشروع آخر في هذه النافذة</translation>
        </message>
        <message>
            <source>Re&amp;load</source>
            <translation>إعادة ال&amp;تحميل</translation>
        </message>
        <message>
            <source>Read the project again (articles imported from the command line appear)</source>
            <translation>اقرأ المشروع من جديد (تظهر المقالات المستوردة من سطر الأوامر)</translation>
        </message>
        <message>
            <source>&amp;Import articles…</source>
            <translation>ا&amp;ستيراد مقالات…</translation>
        </message>
        <message>
            <source>Add articles and their annotations from files or folders, in any format the command line reads (or drop them on the window)</source>
            <translation>أضف مقالات وتعليقاتها من ملفات أو مجلدات، بأي صيغة يقرؤها سطر الأوامر (أو أفلتها على النافذة)</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>ت&amp;صدير…</translation>
        </message>
        <message>
            <source>Write annotations or gold in an export format, with its metadata record</source>
            <translation>اكتب التعليقات أو المرجع المعتمد بصيغة تصدير، مع سجل بياناتها الوصفية</translation>
        </message>
        <message>
            <source>Save a &amp;copy as…</source>
            <translation>حفظ &amp;نسخة باسم…</translation>
        </message>
        <message>
            <source>Write a copy of this project to another file and go on working in the copy</source>
            <translation>اكتب نسخة من هذا المشروع في ملف آخر وتابع العمل في النسخة</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>إ&amp;غلاق</translation>
        </message>
        <message>
            <source>Close this project's window (everything is already saved)</source>
            <translation>أغلق نافذة هذا المشروع (كل شيء محفوظ)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <source>Quit Annotator (everything is already saved)</source>
            <translation>اخرج من المُعلِّق (كل شيء محفوظ)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <source>Undo the last edit on this article</source>
            <translation>التراجع عن آخر تعديل في هذه المقالة</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>إ&amp;عادة</translation>
        </message>
        <message>
            <source>Redo the edit just undone</source>
            <translation>إعادة التعديل الذي تراجعت عنه للتو</translation>
        </message>
        <message>
            <source>&amp;Delete span</source>
            <translation>&amp;حذف المقطع</translation>
        </message>
        <message>
            <source>Delete the selected span</source>
            <translation>حذف المقطع المحدد</translation>
        </message>
        <message>
            <source>Set span to &amp;selection</source>
            <translation>جعل المقطع &amp;مطابقًا للتحديد</translation>
        </message>
        <message>
            <source>Move the selected span's boundaries to the text selected now</source>
            <translation>نقل حدود المقطع المحدد إلى النص المحدد الآن</translation>
        </message>
        <message>
            <source>Start one word earlier</source>
            <translation>البدء قبل كلمة</translation>
        </message>
        <message>
            <source>Extend the selected span by one word at its start (to the right)</source>
            <translation>توسيع المقطع المحدد كلمةً من بدايته (إلى اليمين)</translation>
        </message>
        <message>
            <source>Start one word later</source>
            <translation>البدء بعد كلمة</translation>
        </message>
        <message>
            <source>Shrink the selected span by one word at its start</source>
            <translation>تقليص المقطع المحدد كلمةً من بدايته</translation>
        </message>
        <message>
            <source>End one word later</source>
            <translation>الانتهاء بعد كلمة</translation>
        </message>
        <message>
            <source>Extend the selected span by one word at its end (to the left)</source>
            <translation>توسيع المقطع المحدد كلمةً من نهايته (إلى اليسار)</translation>
        </message>
        <message>
            <source>End one word earlier</source>
            <translation>الانتهاء قبل كلمة</translation>
        </message>
        <message>
            <source>Shrink the selected span by one word at its end</source>
            <translation>تقليص المقطع المحدد كلمةً من نهايته</translation>
        </message>
        <message>
            <source>Make &amp;relation…</source>
            <translation>إنشاء &amp;علاقة…</translation>
        </message>
        <message>
            <source>Link the selected span to another: R again for another type, N/P and Enter or a click for the other end, Esc to cancel</source>
            <translation>اربط المقطع المحدد بآخر: R مرة أخرى لنوع آخر، وN/P ثم Enter أو نقرة للطرف الآخر، وEsc للإلغاء</translation>
        </message>
        <message>
            <source>&amp;Inspect span</source>
            <translation>&amp;فحص المقطع</translation>
        </message>
        <message>
            <source>The selected span's attributes and note, first attribute focused (number keys pick a choice, Space sets a flag)</source>
            <translation>سمات المقطع المحدد وملاحظته، والتركيز على أول سمة (الأرقام تختار قيمة، والمسافة تضبط العلامة)</translation>
        </message>
        <message>
            <source>Next span</source>
            <translation>المقطع التالي</translation>
        </message>
        <message>
            <source>Select the next span in reading order</source>
            <translation>تحديد المقطع التالي بترتيب القراءة</translation>
        </message>
        <message>
            <source>Previous span</source>
            <translation>المقطع السابق</translation>
        </message>
        <message>
            <source>Select the previous span</source>
            <translation>تحديد المقطع السابق</translation>
        </message>
        <message>
            <source>&amp;Next article</source>
            <translation>المقالة ال&amp;تالية</translation>
        </message>
        <message>
            <source>Open the next article</source>
            <translation>فتح المقالة التالية</translation>
        </message>
        <message>
            <source>&amp;Previous article</source>
            <translation>المقالة ال&amp;سابقة</translation>
        </message>
        <message>
            <source>Open the previous article</source>
            <translation>فتح المقالة السابقة</translation>
        </message>
        <message>
            <source>Mark article &amp;done</source>
            <translation>تعليم المقالة &amp;منتهية</translation>
        </message>
        <message>
            <source>Mark this article done for you (again: back to in progress)</source>
            <translation>تعليم هذه المقالة منتهيةً لك (مرة أخرى: تعود قيد العمل)</translation>
        </message>
        <message>
            <source>Article &amp;codes</source>
            <translation>&amp;ترميز المقالة</translation>
        </message>
        <message>
            <source>Answer this article's questions and write its note</source>
            <translation>أجب عن أسئلة هذه المقالة واكتب ملاحظتك عليها</translation>
        </message>
        <message>
            <source>&amp;Larger text</source>
            <translation>نص أ&amp;كبر</translation>
        </message>
        <message>
            <source>Make the article text larger</source>
            <translation>تكبير نص المقالة</translation>
        </message>
        <message>
            <source>&amp;Smaller text</source>
            <translation>نص أ&amp;صغر</translation>
        </message>
        <message>
            <source>Make the article text smaller</source>
            <translation>تصغير نص المقالة</translation>
        </message>
        <message>
            <source>Switch &amp;annotator…</source>
            <translation>تبديل المُ&amp;علِّق…</translation>
        </message>
        <message>
            <source>Choose who you are; your spans are stored under this name</source>
            <translation>اختر من أنت؛ تُحفظ مقاطعك باسمك هذا</translation>
        </message>
        <message>
            <source>Show &amp;other annotators (review, read-only)</source>
            <translation>إظهار المُعلِّقين ال&amp;آخرين (مراجعة، للقراءة فقط)</translation>
        </message>
        <message>
            <source>Reviewer mode: also show other annotators' spans, read-only</source>
            <translation>وضع المراجعة: إظهار مقاطع المُعلِّقين الآخرين أيضًا، للقراءة فقط</translation>
        </message>
        <message>
            <source>Edit &amp;labels…</source>
            <translation>تحرير ال&amp;وسوم…</translation>
        </message>
        <message>
            <source>Labels, relation types, attributes and article questions: add, rename, change or delete them</source>
            <translation>الوسوم وأنواع العلاقات والسمات وأسئلة المقالة: أضفها أو أعد تسميتها أو غيّرها أو احذفها</translation>
        </message>
        <message>
            <source>&amp;Search all articles…</source>
            <translation>&amp;بحث في كل المقالات…</translation>
        </message>
        <message>
            <source>Find a word or phrase in every article, or in the spans of one label</source>
            <translation>البحث عن كلمة أو عبارة في كل المقالات، أو في مقاطع وسم واحد</translation>
        </message>
        <message>
            <source>Accept &amp;next suggestion</source>
            <translation>قبول الاقتراح ال&amp;تالي</translation>
        </message>
        <message>
            <source>Tag the next suggested occurrence in this article, and go to it</source>
            <translation>وسم الموضع المقترح التالي في هذه المقالة والانتقال إليه</translation>
        </message>
        <message>
            <source>Accept all suggestions in this &amp;article</source>
            <translation>قبول كل الاقتراحات في هذه ال&amp;مقالة</translation>
        </message>
        <message>
            <source>Tag every suggested occurrence in this article (one undo)</source>
            <translation>وسم كل المواضع المقترحة في هذه المقالة (بتراجع واحد)</translation>
        </message>
        <message>
            <source>Accept all suggestions in the &amp;corpus…</source>
            <translation>قبول كل الاقتراحات في ال&amp;مدوّنة…</translation>
        </message>
        <message>
            <source>Tag every suggested occurrence in every article, after confirming</source>
            <translation>وسم كل المواضع المقترحة في كل المقالات، بعد التأكيد</translation>
        </message>
        <message>
            <source>D&amp;ismiss suggestions</source>
            <translation>ت&amp;جاهل الاقتراحات</translation>
        </message>
        <message>
            <source>Hide the suggestions; nothing is tagged</source>
            <translation>إخفاء الاقتراحات؛ لا يُوسَم شيء</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Cannot open project</source>
            <translation>تعذّر فتح المشروع</translation>
        </message>
    </context>
    <context>
        <name>codebook_commands</name>
        <message>
            <source>add relation type {name}</source>
            <translation>إضافة نوع العلاقة {name}</translation>
        </message>
        <message>
            <source>rename relation type {name} to {new}</source>
            <translation>إعادة تسمية نوع العلاقة {name} إلى {new}</translation>
        </message>
        <message>
            <source>change relation type {name}</source>
            <translation>تغيير نوع العلاقة {name}</translation>
        </message>
        <message>
            <source>delete relation type {name}</source>
            <translation>حذف نوع العلاقة {name}</translation>
        </message>
        <message>
            <source>add attribute {name} to {label}</source>
            <translation>إضافة السمة {name} إلى {label}</translation>
        </message>
        <message>
            <source>rename attribute {name} to {new}</source>
            <translation>إعادة تسمية السمة {name} إلى {new}</translation>
        </message>
        <message>
            <source>make attribute {name} {kind}</source>
            <translation>جعل السمة {name} {kind}</translation>
        </message>
        <message>
            <source>delete attribute {name} of {label}</source>
            <translation>حذف السمة {name} من {label}</translation>
        </message>
        <message>
            <source>add {value} to the list of {name}</source>
            <translation>إضافة {value} إلى قائمة {name}</translation>
        </message>
        <message>
            <source>respell {value} as {new}</source>
            <translation>تعديل كتابة {value} إلى {new}</translation>
        </message>
        <message>
            <source>remove {value} from the list of {name}</source>
            <translation>إزالة {value} من قائمة {name}</translation>
        </message>
        <message>
            <source>add question {name}</source>
            <translation>إضافة السؤال {name}</translation>
        </message>
        <message>
            <source>rename question {name} to {new}</source>
            <translation>إعادة تسمية السؤال {name} إلى {new}</translation>
        </message>
        <message>
            <source>make question {name} {kind}</source>
            <translation>جعل السؤال {name} {kind}</translation>
        </message>
        <message>
            <source>delete question {name}</source>
            <translation>حذف السؤال {name}</translation>
        </message>
        <message>
            <source>add option {option} to {name}</source>
            <translation>إضافة الخيار {option} إلى {name}</translation>
        </message>
        <message>
            <source>remove option {option} from {name}</source>
            <translation>إزالة الخيار {option} من {name}</translation>
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <source>Undo step skipped: its spans were changed elsewhere (another window or the command line), so nothing was changed.</source>
            <translation>تُخطّيت خطوة التراجع: غُيّرت مقاطعها في مكان آخر (نافذة أخرى أو سطر الأوامر)، فلم يتغيّر شيء.</translation>
        </message>
        <message>
            <source>tag {label}</source>
            <translation>وسم {label}</translation>
        </message>
        <message>
            <source>delete {label}</source>
            <translation>حذف {label}</translation>
        </message>
        <message>
            <source>label {label}</source>
            <translation>الوسم {label}</translation>
        </message>
        <message>
            <source>boundaries</source>
            <translation>الحدود</translation>
        </message>
        <message>
            <source>change {label} span: {what}</source>
            <translation>تغيير مقطع {label}: {what}</translation>
        </message>
        <message>
            <source>mark {status}</source>
            <translation>تعليم {status}</translation>
        </message>
        <message>
            <source>relation {type}</source>
            <translation>العلاقة {type}</translation>
        </message>
        <message>
            <source>delete relation {type}</source>
            <translation>حذف علاقة {type}</translation>
        </message>
        <message>
            <source>{label} {attribute}</source>
            <translation>{label} {attribute}</translation>
        </message>
        <message>
            <source>note on {label}</source>
            <translation>ملاحظة على {label}</translation>
        </message>
        <message>
            <source>answer {question}</source>
            <translation>إجابة {question}</translation>
        </message>
        <message>
            <source>article note</source>
            <translation>ملاحظة المقالة</translation>
        </message>
    </context>
    <context>
        <name>gold_commands</name>
        <message>
            <source>accept {label} {start}-{end}</source>
            <translation>قبول {label} {start}-{end}</translation>
        </message>
        <message>
            <source>reject {label} {start}-{end}</source>
            <translation>رفض {label} {start}-{end}</translation>
        </message>
        <message>
            <source>edit gold span to {label} {start}-{end}</source>
            <translation>تعديل المقطع الذهبي إلى {label} {start}-{end}</translation>
        </message>
        <message>
            <source>mark gold {status}</source>
            <translation>تعليم المعيار الذهبي {status}</translation>
        </message>
        <message>
            <source>relation {type}</source>
            <translation>العلاقة {type}</translation>
        </message>
        <message>
            <source>{name} = {value}</source>
            <translation>{name} = {value}</translation>
        </message>
        <message>
            <source>answer {question}</source>
            <translation>إجابة {question}</translation>
        </message>
        <message>
            <source>accept {what}</source>
            <translation>قبول {what}</translation>
        </message>
        <message>
            <source>reject {what}</source>
            <translation>رفض {what}</translation>
        </message>
        <message>
            <source>add gold relation {type}</source>
            <translation>إضافة علاقة ذهبية {type}</translation>
        </message>
    </context>
    <context>
        <name>gold_values</name>
        <message>
            <source>Gold value</source>
            <translation>قيمة ذهبية</translation>
        </message>
        <message>
            <source>Attribute of «{span}»:</source>
            <translation>سمة «{span}»:</translation>
        </message>
        <message>
            <source>Value of {name}:</source>
            <translation>قيمة {name}:</translation>
        </message>
        <message>
            <source>Gold answer</source>
            <translation>إجابة ذهبية</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>السؤال:</translation>
        </message>
        <message>
            <source>Answer to {name}:</source>
            <translation>الإجابة عن {name}:</translation>
        </message>
        <message>
            <source>Answers to {name}, separated by commas ({options}):</source>
            <translation>الإجابات عن {name}، مفصولة بفواصل ({options}):</translation>
        </message>
    </context>
    <context>
        <name>projects</name>
        <message>
            <source>Open &amp;Recent</source>
            <translation>المشاريع ال&amp;أخيرة</translation>
        </message>
        <message>
            <source>No recent projects</source>
            <translation>لا مشاريع حديثة</translation>
        </message>
        <message>
            <source>{name} — {path} (missing)</source>
            <translation>{name} — {path} (غير موجود)</translation>
        </message>
        <message>
            <source>{name} — {path}</source>
            <translation>{name} — {path}</translation>
        </message>
        <message>
            <source>New project</source>
            <translation>مشروع جديد</translation>
        </message>
        <message>
            <source>{path} already exists; open it with File ▸ Open project…</source>
            <translation>{path} موجود من قبل؛ افتحه من ملف ▸ فتح مشروع…</translation>
        </message>
        <message>
            <source>Open project</source>
            <translation>فتح مشروع</translation>
        </message>
    </context>
    <context>
        <name>save_copy</name>
        <message>
            <source>The project file {path} is no longer there (its folder was deleted or renamed, or its disk was removed), or another file was put in its place. The change was not saved.</source>
            <translation>ملف المشروع {path} لم يعد موجودًا (حُذف مجلده أو غُيّر اسمه أو نُزع قرصه)، أو وُضع ملف آخر مكانه. لم يُحفظ التغيير.</translation>
        </message>
        <message>
            <source>The project file {path} cannot be written (its disk may be full, read-only or failing). The change was not saved.</source>
            <translation>تتعذّر الكتابة في ملف المشروع {path} (قد يكون قرصه ممتلئًا أو للقراءة فقط أو معطوبًا). لم يُحفظ التغيير.</translation>
        </message>
        <message>
            <source>The change was not saved</source>
            <translation>لم يُحفظ التغيير</translation>
        </message>
        <message>
            <source>The project file cannot be written, so this change and any further ones are refused. Everything saved before is still held by the open project: save a copy of it to a folder you choose and go on working in the copy.</source>
            <translation>تتعذّر الكتابة في ملف المشروع، فيُرفض هذا التغيير وكل تغيير بعده. كل ما حُفظ من قبل ما زال في المشروع المفتوح: احفظ نسخة منه في مجلد تختاره وتابع العمل في النسخة.</translation>
        </message>
        <message>
            <source>Save a copy as…</source>
            <translation>حفظ نسخة باسم…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>Save a copy of the project</source>
            <translation>حفظ نسخة من المشروع</translation>
        </message>
        <message>
            <source>Annotator projects (*.sqlite)</source>
            <translation>مشاريع المُعلِّق (*.sqlite)</translation>
        </message>
        <message>
            <source>The copy was not saved</source>
            <translation>لم تُحفظ النسخة</translation>
        </message>
        <message>
            <source>A copy of the project was saved to {path}; you are now working in the copy.</source>
            <translation>حُفظت نسخة من المشروع في {path}؛ أنت تعمل الآن في النسخة.</translation>
        </message>
    </context>
    <context>
        <name>workers</name>
        <message>
            <source>Working…</source>
            <translation>جارٍ العمل…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
</TS>