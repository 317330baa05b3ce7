# ruff: noqa: E501  (one catalogue entry per line reads best; Arabic and English side by side)
"""Write the translations into annotator_ar.ts and the plural forms into annotator_en.ts (run after `make update-translations` adds sources).

The catalogue below is the reviewed Arabic text, keyed by English source; lupdate keeps the .ts file's
sources in step with the code, this fills in every translation it finds here. Placeholders in braces
({label}, {count}…) are filled by the code after translation and must stay untranslated.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ARABIC = {
    # File menu: projects
    "&New project…": "مشروع &جديد…",
    "Create a project file with the default labels, then import articles": "أنشئ ملف مشروع بالوسوم الافتراضية ثم استورد المقالات",
    "&Open project…": "&فتح مشروع…",
    "Open another project file in this window": "افتح ملف مشروع آخر في هذه النافذة",
    "Re&load": "إعادة ال&تحميل",
    "Read the project again (articles imported from the command line appear)": "اقرأ المشروع من جديد (تظهر المقالات المستوردة من سطر الأوامر)",
    "&Close": "إ&غلاق",
    "Close this project's window (everything is already saved)": "أغلق نافذة هذا المشروع (كل شيء محفوظ)",
    "&Quit": "&خروج",
    "Quit Annotator (everything is already saved)": "اخرج من المُعلِّق (كل شيء محفوظ)",
    "Open &Recent": "المشاريع ال&أخيرة",
    "No recent projects": "لا مشاريع حديثة",
    "{name} — {path} (missing)": "{name} — {path} (غير موجود)",
    "{name} — {path}": "{name} — {path}",
    "New project": "مشروع جديد",
    "{path} already exists; open it with File ▸ Open project…": "{path} موجود من قبل؛ افتحه من ملف ▸ فتح مشروع…",
    "Open project": "فتح مشروع",
    # main window
    "Annotator — {file}": "المُعلِّق — {file}",
    "Annotate": "الوسم",
    "Agreement": "الاتفاق",
    "Curate": "التحكيم",
    "All articles": "كل المقالات",
    "Only {status}": "{status} فقط",
    "Only articles assigned to me": "المقالات المسندة إليّ فقط",
    "Articles": "المقالات",
    "All changes saved": "حُفظت كل التغييرات",
    "Undo": "تراجع",
    "Redo": "إعادة",
    "&File": "&ملف",
    "&Edit": "&تحرير",
    "&Article": "م&قالة",
    "&View": "&عرض",
    "A&nnotator": "مُ&علِّق",
    "&Labels": "&وسوم",
    "Tag the selection": "وسم التحديد",
    "&Language": "اللغ&ة",
    "Saved {time}": "حُفظ {time}",
    "Not saved": "لم يُحفظ",
    "The change was not saved": "لم يُحفظ التغيير",
    # a project file that vanished, filled its disk or is read-only (ui/shell/save_copy.py)
    "Annotator — {file} — read-only": "المُعلِّق — {file} — للقراءة فقط",
    "Read-only": "للقراءة فقط",
    "This project is open read-only, so nothing was changed. To work on it, copy the file to a folder you can write to.": "هذا المشروع مفتوح للقراءة فقط، فلم يتغيّر شيء. لتعمل عليه انسخ الملف إلى مجلد تستطيع الكتابة فيه.",
    "The project file {path} is no longer there (its folder was deleted or renamed, or its disk was removed), or another file was put in its place. The change was not saved.": "ملف المشروع {path} لم يعد موجودًا (حُذف مجلده أو غُيّر اسمه أو نُزع قرصه)، أو وُضع ملف آخر مكانه. لم يُحفظ التغيير.",
    "The project file {path} cannot be written (its disk may be full, read-only or failing). The change was not saved.": "تتعذّر الكتابة في ملف المشروع {path} (قد يكون قرصه ممتلئًا أو للقراءة فقط أو معطوبًا). لم يُحفظ التغيير.",
    "The project file cannot be written, so this change and any further ones are refused. Everything saved before is still held by the open project: save a copy of it to a folder you choose and go on working in the copy.": "تتعذّر الكتابة في ملف المشروع، فيُرفض هذا التغيير وكل تغيير بعده. كل ما حُفظ من قبل ما زال في المشروع المفتوح: احفظ نسخة منه في مجلد تختاره وتابع العمل في النسخة.",
    "Save a copy as…": "حفظ نسخة باسم…",
    "Save a copy of the project": "حفظ نسخة من المشروع",
    "Annotator projects (*.sqlite)": "مشاريع المُعلِّق (*.sqlite)",
    "The copy was not saved": "لم تُحفظ النسخة",
    "A copy of the project was saved to {path}; you are now working in the copy.": "حُفظت نسخة من المشروع في {path}؛ أنت تعمل الآن في النسخة.",
    "{title}\n{length} characters · {spans} · {status}": "{title}\n{length} حرفًا · {spans} · {status}",
    "Switch annotator": "تبديل المُعلِّق",
    "Who is annotating? (type a new name to add one)": "من يقوم بالتعليق؟ (اكتب اسمًا جديدًا لإضافته)",
    "Annotator: {name}": "المُعلِّق: {name}",
    " · reviewing others": " · مراجعة الآخرين",
    "No article": "لا مقالة",
    "{spans} · {status}": "{spans} · {status}",
    "English": "الإنجليزية",
    "Arabic": "العربية",
    "new": "جديدة",
    "in progress": "قيد العمل",
    "done": "منتهية",
    "Cannot open project": "تعذّر فتح المشروع",
    "Working…": "جارٍ العمل…",
    "Cancel": "إلغاء",
    # the shortcut table
    "&Undo": "&تراجع",
    "Undo the last edit on this article": "التراجع عن آخر تعديل في هذه المقالة",
    "&Redo": "إ&عادة",
    "Redo the edit just undone": "إعادة التعديل الذي تراجعت عنه للتو",
    "&Delete span": "&حذف المقطع",
    "Delete the selected span": "حذف المقطع المحدد",
    "Set span to &selection": "جعل المقطع &مطابقًا للتحديد",
    "Move the selected span's boundaries to the text selected now": "نقل حدود المقطع المحدد إلى النص المحدد الآن",
    "Start one word earlier": "البدء قبل كلمة",
    "Extend the selected span by one word at its start (to the right)": "توسيع المقطع المحدد كلمةً من بدايته (إلى اليمين)",
    "Start one word later": "البدء بعد كلمة",
    "Shrink the selected span by one word at its start": "تقليص المقطع المحدد كلمةً من بدايته",
    "End one word later": "الانتهاء بعد كلمة",
    "Extend the selected span by one word at its end (to the left)": "توسيع المقطع المحدد كلمةً من نهايته (إلى اليسار)",
    "End one word earlier": "الانتهاء قبل كلمة",
    "Shrink the selected span by one word at its end": "تقليص المقطع المحدد كلمةً من نهايته",
    "Next span": "المقطع التالي",
    "Select the next span in reading order": "تحديد المقطع التالي بترتيب القراءة",
    "Previous span": "المقطع السابق",
    "Select the previous span": "تحديد المقطع السابق",
    "&Next article": "المقالة ال&تالية",
    "Open the next article": "فتح المقالة التالية",
    "&Previous article": "المقالة ال&سابقة",
    "Open the previous article": "فتح المقالة السابقة",
    "Mark article &done": "تعليم المقالة &منتهية",
    "Mark this article done for you (again: back to in progress)": "تعليم هذه المقالة منتهيةً لك (مرة أخرى: تعود قيد العمل)",
    "&Larger text": "نص أ&كبر",
    "Make the article text larger": "تكبير نص المقالة",
    "&Smaller text": "نص أ&صغر",
    "Make the article text smaller": "تصغير نص المقالة",
    "Switch &annotator…": "تبديل المُ&علِّق…",
    "Choose who you are; your spans are stored under this name": "اختر من أنت؛ تُحفظ مقاطعك باسمك هذا",
    "Show &other annotators (review, read-only)": "إظهار المُعلِّقين ال&آخرين (مراجعة، للقراءة فقط)",
    "Reviewer mode: also show other annotators' spans, read-only": "وضع المراجعة: إظهار مقاطع المُعلِّقين الآخرين أيضًا، للقراءة فقط",
    "Edit &labels…": "تحرير ال&وسوم…",
    "Labels, relation types, attributes and article questions: add, rename, change or delete them": "الوسوم وأنواع العلاقات والسمات وأسئلة المقالة: أضفها أو أعد تسميتها أو غيّرها أو احذفها",
    # annotation page
    "Tag as {label}": "وسم بـ {label}",
    "Tag exact characters as {label}": "وسم الأحرف المحددة بدقة بـ {label}",
    "Tag the selection as {label} ({key})": "وسم التحديد بـ {label} ({key})",
    "Select a span first to {action} it.": "حدّد مقطعًا أولًا من أجل {action}.",
    "That span is {annotator}'s: other annotators' spans are read-only.":
        "هذا المقطع لـ {annotator}: مقاطع المُعلِّقين الآخرين للقراءة فقط.",
    "label": "وسمه",
    "delete": "حذفه",
    "move": "نقله",
    "resize": "تغيير حجمه",
    "Nothing to tag: the selection holds no word (Alt tags exact characters).":
        "لا شيء للوسم: التحديد لا يحوي أي كلمة (Alt يسم الأحرف بدقة).",
    "Already tagged as {label}.": "موسوم مسبقًا بـ {label}.",
    "Select the text the span should cover, then press E.": "حدّد النص الذي يجب أن يغطيه المقطع، ثم اضغط E.",
    "A span cannot be shorter than one word.": "لا يمكن أن يكون المقطع أقصر من كلمة واحدة.",
    "Span {label}: «{excerpt}»": "مقطع {label}: «{excerpt}»",
    "Change to {label}": "تغيير إلى {label}",
    "Set boundaries to selection": "جعل الحدود مطابقة للتحديد",
    "Delete": "حذف",
    # label bar and span list
    " ({key}; Alt+{key} keeps the exact characters)": " ({key}؛ Alt+{key} يحافظ على الأحرف المحددة بدقة)",
    "Tag the selection as {label}{keys}": "وسم التحديد بـ {label}{keys}",
    "overlaps blend · nested: underlined · dashed line: other annotators (read-only) · dashed box: suggestion":
        "المتداخلة تمتزج ألوانها · المتضمَّنة: مسطَّر تحتها · خط متقطع: مُعلِّقون آخرون (للقراءة فقط) · إطار متقطع: اقتراح",
    "Label": "الوسم",
    "Text": "النص",
    "Annotator": "المُعلِّق",
    "Line": "السطر",
    "Context": "السياق",
    "Click to sort by this column; click again to reverse": "انقر للترتيب حسب هذا العمود، وانقر ثانيةً لعكس الترتيب",
    " (read-only)": " (للقراءة فقط)",
    "{label} — {annotator}{read_only}, line {line}, characters {start}–{end}":
        "{label} — {annotator}{read_only}، السطر {line}، الأحرف {start}–{end}",
    # label editor
    "Labels": "الوسوم",
    "Name": "الاسم",
    "Colour": "اللون",
    "Key": "المفتاح",
    "Add…": "إضافة…",
    "Colour…": "اللون…",
    "Up": "أعلى",
    "Down": "أسفل",
    "Delete…": "حذف…",
    "The key {key} is already {label}'s.": "المفتاح {key} مستخدم مسبقًا للوسم {label}.",
    "Add label": "إضافة وسم",
    "Name of the new label:": "اسم الوسم الجديد:",
    "Colour of {label}": "لون {label}",
    "{spans} use the label {label}. Deleting the label deletes them too, for every annotator "
    "(Undo in this window brings them back). Delete?":
        "عدد المقاطع التي تستخدم الوسم {label}: {spans}. حذف الوسم يحذفها أيضًا لدى كل المُعلِّقين (يعيدها زر التراجع "
        "في هذه النافذة). هل تريد الحذف؟",
    "add label {label}": "إضافة الوسم {label}",
    "rename label {label} to {name}": "إعادة تسمية الوسم {label} إلى {name}",
    "recolour label {label}": "تغيير لون الوسم {label}",
    "set the key of label {label}": "تعيين مفتاح الوسم {label}",
    "reorder labels": "إعادة ترتيب الوسوم",
    "delete label {label}": "حذف الوسم {label}",
    "Delete label": "حذف الوسم",
    # agreement dashboard and comparison
    "split by label": "تفصيل حسب الوسم",
    "Annotators": "المُعلِّقون",
    "min. annotators: ": "أدنى عدد للمُعلِّقين: ",
    "Recompute": "إعادة الحساب",
    "Export…": "تصدير…",
    "Measure": "المقياس",
    "Charts": "الرسوم البيانية",
    "Compare annotators": "مقارنة المُعلِّقين",
    "Computing agreement…": "جارٍ حساب الاتفاق…",
    "Agreement could not be computed: {error}": "تعذّر حساب الاتفاق: {error}",
    "Export charts and table to folder": "تصدير الرسوم والجدول إلى مجلد",
    "Export failed": "فشل التصدير",
    "Exported {files} and agreement.csv to {folder}.":
        "صُدِّر {files} وملف agreement.csv إلى {folder}.",
    "all": "الكل",
    "none": "لا شيء",
    "{what}: {names}": "{what}: {names}",
    "<b>Disagreements</b> (N / F8 next · P / Shift+F8 previous)":
        "<b>الاختلافات</b> (N / F8 التالي · P / Shift+F8 السابق)",
    "Next disagreement": "الاختلاف التالي",
    "Previous disagreement": "الاختلاف السابق",
    "{lane}. <b>{name}</b> ({spans})": "{lane}. <b>{name}</b> ({spans})",
    "no span in that lane": "لا مقطع في هذا المسار",
    # comparison view: placeholder, article chooser, structure disagreements (ui/agreement/comparison*.py)
    "Nothing to compare yet. Click an article's bar in the Charts tab, or pick an article above: its text "
    "appears here with each annotator's spans in a lane under every line, and the places where they "
    "disagree are listed beside it.":
        "لا شيء للمقارنة بعد. انقر عمود مقالة في تبويب الرسوم البيانية، أو اختر مقالة في الأعلى: يظهر نصها "
        "هنا ومقاطع كل مُعلِّق في مسار تحت كل سطر، وتُسرد بجانبه المواضع التي يختلفون فيها.",
    "{filled} a relation's end in dispute, in its type's colour ({hollow} the other annotator has no such "
    "relation) · {dot} an attribute value differs · overlapping spans of one annotator take extra lanes":
        "{filled} طرف علاقة مختلف عليه، بلون نوعها ({hollow} ليس لدى المُعلِّق الآخر هذه العلاقة) · {dot} قيمة "
        "سمة مختلفة · المقاطع المتداخلة لمُعلِّق واحد تأخذ مسارات إضافية",
    "missing span": "مقطع ناقص",
    "different boundary": "حدود مختلفة",
    "missing relation": "علاقة ناقصة",
    "other relation type": "نوع علاقة آخر",
    "other relation end": "طرف علاقة آخر",
    "different attribute value": "قيمة سمة مختلفة",
    "different answer": "إجابة مختلفة",
    "{annotator}: «{words}» {label}": "{annotator}: «{words}» {label}",
    "{annotator}: nothing": "{annotator}: لا شيء",
    "{annotator}: no such relation": "{annotator}: لا علاقة كهذه",
    "{annotator}: «{head}» {type} «{child}»": "{annotator}: «{head}» {type} «{child}»",
    "{annotator}: «{words}» {attribute} = {value} ≠ {other}: {other_value}":
        "{annotator}: «{words}» {attribute} = {value} ≠ {other}: {other_value}",
    "{question}: {annotator} {value} ≠ {other} {other_value}":
        "{question}: {annotator} {value} ≠ {other} {other_value}",
    "(not set)": "(غير محددة)",
    "(no answer)": "(بلا إجابة)",
    "Lanes under each line, top to bottom: {lanes}<br>Labels: {labels}<br>Disagreements: {kinds} &nbsp; "
    "{missing}":
        "المسارات تحت كل سطر، من الأعلى إلى الأسفل: {lanes}<br>الوسوم: {labels}<br>الاختلافات: {kinds} "
        "&nbsp; {missing}",
    # undo/redo entries: "Undo tag actor"
    "tag {label}": "وسم {label}",
    "delete {label}": "حذف {label}",
    "label {label}": "الوسم {label}",
    "boundaries": "الحدود",
    "change {label} span: {what}": "تغيير مقطع {label}: {what}",
    "mark {status}": "تعليم {status}",
    # curation tab
    "majority": "الأغلبية",
    "votes needed: ": "الأصوات المطلوبة: ",
    "Accept agreed spans into gold": "قبول المقاطع المتفق عليها في المعيار الذهبي",
    "Article:": "المقالة:",
    "Cannot adjudicate": "تعذّر التحكيم",
    "Accepting agreed work into gold…": "جارٍ قبول العمل المتفق عليه في المعيار الذهبي…",
    "Accepting agreed work into gold: article {done} of {total}…": "جارٍ قبول العمل المتفق عليه في المعيار الذهبي: المقالة {done} من {total}…",
    "Cancelled: gold was not changed.": "أُلغي: لم يتغيّر المعيار الذهبي.",
    # dashboard summary and charts
    "corpus order": "ترتيب المدونة",
    "lowest agreement first": "الأدنى اتفاقًا أولًا",
    "No article counts for agreement with these filters: an article needs at least {count} annotators with status 'done'.":
        "لا تُحتسب أي مقالة في الاتفاق بهذه المرشحات: تحتاج المقالة إلى {count} مُعلِّقين على الأقل بحالة «منتهية».",
    "undefined ({reason})": "غير معرّف ({reason})",
    "{articles}, annotators {names}; corpus {measure}: {value}.": "{articles}، المُعلِّقون {names}؛ {measure} للمدونة: {value}.",
    "{articles} left out.": "استُبعد من الحساب: {articles}.",
    "undefined — {reason}": "غير معرّف — {reason}",
    "{measure} per article ({order})": "{measure} لكل مقالة ({order})",
    " by label": " حسب الوسم",
    " — grey hatched: undefined, hover for why": " — المظلل بالرمادي: غير معرّف، مرّر المؤشر لمعرفة السبب",
    "articles": "المقالات",
    "article ({order})": "المقالة ({order})",
    "{title}\n{measure}: {value}\nannotators: {count} ({names})\nspans: {spans} ({counts})\nclick to compare the annotators":
        "{title}\n{measure}: {value}\nالمُعلِّقون: {count} ({names})\nالمقاطع: {spans} ({counts})\nانقر لمقارنة المُعلِّقين",
    "undefined": "غير معرّف",
    "{measure} per label: corpus (black) and articles (box, dots)": "{measure} لكل وسم: المدونة (بالأسود) والمقالات (الصندوق والنقاط)",
    "annotator": "المُعلِّق",
    "annotator pairs: {measure}": "أزواج المُعلِّقين: {measure}",
    "{count} × a {row} span of one annotator had no overlapping span of another": "{count} × مقطع {row} لمُعلِّق لم يتداخل معه أي مقطع لمُعلِّق آخر",
    "{count} × a {row} span of one annotator was paired with a {column} span of another": "{count} × مقطع {row} لمُعلِّق قوبل بمقطع {column} لمُعلِّق آخر",
    "label confusion (spans of one annotator vs the other's)": "التباس الوسوم (مقاطع مُعلِّق مقابل مقاطع الآخر)",
    "span's label": "وسم المقطع",
    "other annotator's label": "وسم المُعلِّق الآخر",
    "corpus {measure} {value}": "{measure} للمدونة {value}",
    # dashboard: intervals, the #12 measures and the measure chooser's explanations
    " — right: each label's corpus with 95% interval":
        " — في الطرف الأيمن: قيمة المدونة لكل وسم مع فترة الثقة 95%",
    "corpus":
        "المدونة",
    " — band: corpus 95% interval":
        " — الشريط: فترة الثقة 95% للمدونة",
    "corpus {measure}{label}: {value} (95% bootstrap interval, resampling articles)":
        "{measure}{label} للمدونة: {value} (فترة ثقة 95% بالإقلاع، بإعادة معاينة المقالات)",
    "corpus: {value}":
        "المدونة: {value}",
    "{measure} per label: corpus ± 95% CI (black), articles (box, dots)":
        "{measure} لكل وسم: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)",
    "{label}\ncorpus {measure}: {value}":
        "{label}\n{measure} للمدونة: {value}",
    "{articles}: median {median}, middle half {q1}–{q3}":
        "{articles}: الوسيط {median}، النصف الأوسط {q1}–{q3}",
    "{articles} undefined":
        "غير معرّف في {articles}",
    "annotator pairs: {measure}<br>({chosen} has no pair figure)":
        "أزواج المُعلِّقين: {measure}<br>(لا قيمة لـ {chosen} لكل زوج)",
    "In brackets: 95% bootstrap interval ({count} resamples of the articles, seed {seed}).":
        "بين القوسين: فترة ثقة 95% بالإقلاع ({count} إعادة معاينة للمقالات، البذرة {seed}).",
    "Krippendorff's α on every character: the standard reliability figure; drops sharply when most characters are unlabelled, so read it beside AC1.":
        "ألفا كريبندورف على كل حرف: مقياس الموثوقية المعتاد؛ ينخفض بشدة حين يكون معظم الحروف بلا وسم، فاقرأه بجانب AC1.",
    "Krippendorff's unitizing α: agreement on where spans start and end along the text; a rater's overlapping spans of one label are merged first.":
        "ألفا كريبندورف للتقطيع: الاتفاق على مواضع بداية المقاطع ونهايتها على امتداد النص؛ تُدمج أولًا مقاطع المُعلِّق المتداخلة من الوسم نفسه.",
    "Cohen's κ for a pair of annotators (mean over pairs elsewhere): familiar, but like α it punishes skewed data (the prevalence paradox).":
        "كابا كوهين لزوج من المُعلِّقين (المتوسط على الأزواج في غير ذلك): مألوف، لكنه مثل ألفا يعاقب البيانات المنحرفة (مفارقة الانتشار).",
    "Share of spans both annotators marked with identical boundaries and label: strict; use when exact boundaries matter (e.g. training data).":
        "نسبة المقاطع التي وسمها المُعلِّقان بالحدود والوسم نفسها تمامًا: صارم؛ استخدمه حين تهم الحدود الدقيقة (مثل بيانات التدريب).",
    "Share of spans matched one to one by label and at least one shared character: forgiving about boundaries; use to see whether annotators find the same things.":
        "نسبة المقاطع المتقابلة واحدًا لواحد بالوسم وبحرف مشترك واحد على الأقل: متسامح مع الحدود؛ استخدمه لمعرفة هل يجد المُعلِّقون الأشياء نفسها.",
    "Gwet's AC1: chance-corrected like κ but stable when most characters carry no label; use when α or κ look low although annotators mostly agree.":
        "AC1 لغويت: مصحَّح للصدفة مثل كابا لكنه مستقر حين لا يحمل معظم الحروف وسمًا؛ استخدمه حين تبدو ألفا أو كابا منخفضة مع أن المُعلِّقين متفقون في الغالب.",
    "Fleiss' κ: one chance-corrected figure for three or more annotators at once, comparable with published multi-rater studies.":
        "كابا فلايس: قيمة واحدة مصحَّحة للصدفة لثلاثة مُعلِّقين أو أكثر معًا، قابلة للمقارنة مع الدراسات المنشورة متعددة المُقيِّمين.",
    # agreement on relations, attributes and article codes in the dashboard (issue 20)
    'undefined in every article':
        'غير معرّف في كل المقالات',
    ' (mean over attributes)':
        ' (متوسط السمات)',
    ' (mean over questions)':
        ' (متوسط الأسئلة)',
    'Share of relations both annotators drew with the same type between spans with identical boundaries and labels: strict about the ends.':
        'نسبة العلاقات التي رسمها المُعلِّقان بالنوع نفسه بين مقاطع متطابقة الحدود والوسوم: صارم في طرفي العلاقة.',
    'Share of relations of the same type whose two ends are spans the overlap matching paired: do annotators link the same things?':
        'نسبة العلاقات من النوع نفسه التي طرفاها مقطعان قابلت بينهما مطابقة التداخل: هل يربط المُعلِّقون الأشياء نفسها؟',
    "Krippendorff's α of a span attribute over the spans annotators marked identically; unmatched spans count in span F1, not here. All attributes: their mean.":
        'ألفا كريبندورف لسمة مقطع على المقاطع التي حددها المُعلِّقون متطابقةً؛ المقاطع غير المتقابلة تُحسب في F1 للمقاطع لا هنا. لكل السمات: متوسطها.',
    "Krippendorff's α of a span attribute over the spans the overlap matching paired: do annotators describe the same things alike? All attributes: their mean.":
        'ألفا كريبندورف لسمة مقطع على المقاطع التي قابلت بينها مطابقة التداخل: هل يصف المُعلِّقون الأشياء نفسها بالوصف نفسه؟ لكل السمات: متوسطها.',
    "Krippendorff's α of an article question over the articles all annotators answered (multiple choice: yes/no per option); corpus only. All questions: their mean.":
        'ألفا كريبندورف لسؤال عن المقالة على المقالات التي أجاب عنها كل المُعلِّقين (الاختيار المتعدد: نعم/لا لكل خيار)؛ للمدونة فقط. لكل الأسئلة: متوسطها.',
    "Fleiss' κ of an article question, all annotators at once, comparable with published multi-rater studies; corpus only. All questions: their mean.":
        'كابا فلايس لسؤال عن المقالة، لكل المُعلِّقين معًا، قابلة للمقارنة مع الدراسات المنشورة متعددة المُقيِّمين؛ للمدونة فقط. لكل الأسئلة: متوسطها.',
    "Gwet's AC1 of an article question: stays stable when one answer dominates, where α and κ drop; corpus only. All questions: their mean.":
        'AC1 لغويت لسؤال عن المقالة: يبقى مستقرًّا حين تغلب إجابة واحدة، حيث تنخفض ألفا وكابا؛ للمدونة فقط. لكل الأسئلة: متوسطها.',
    'Share of annotator pairs giving the same answer, not corrected for chance: finds the articles whose codes differ. All questions: their mean.':
        'نسبة أزواج المُعلِّقين الذين أعطوا الإجابة نفسها، دون تصحيح للصدفة: تكشف المقالات التي تختلف رموزها. لكل الأسئلة: متوسطها.',
    'split by relation type':
        'تفصيل حسب نوع العلاقة',
    'split by attribute':
        'تفصيل حسب السمة',
    'split by question':
        'تفصيل حسب السؤال',
    ' by relation type':
        ' حسب نوع العلاقة',
    ' by attribute':
        ' حسب السمة',
    ' by question':
        ' حسب السؤال',
    " — right: each relation type's corpus with 95% interval":
        ' — في الطرف الأيمن: قيمة المدونة لكل نوع علاقة مع فترة الثقة 95%',
    " — right: each attribute's corpus with 95% interval":
        ' — في الطرف الأيمن: قيمة المدونة لكل سمة مع فترة الثقة 95%',
    " — right: each question's corpus with 95% interval":
        ' — في الطرف الأيمن: قيمة المدونة لكل سؤال مع فترة الثقة 95%',
    '{measure} per relation type: corpus (black) and articles (box, dots)':
        '{measure} لكل نوع علاقة: المدونة (بالأسود) والمقالات (الصندوق والنقاط)',
    '{measure} per attribute: corpus (black) and articles (box, dots)':
        '{measure} لكل سمة: المدونة (بالأسود) والمقالات (الصندوق والنقاط)',
    '{measure} per question: corpus (black) and articles (box, dots)':
        '{measure} لكل سؤال: المدونة (بالأسود) والمقالات (الصندوق والنقاط)',
    '{measure} per relation type: corpus ± 95% CI (black), articles (box, dots)':
        '{measure} لكل نوع علاقة: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)',
    '{measure} per attribute: corpus ± 95% CI (black), articles (box, dots)':
        '{measure} لكل سمة: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)',
    '{measure} per question: corpus ± 95% CI (black), articles (box, dots)':
        '{measure} لكل سؤال: المدونة ± فترة الثقة 95% (بالأسود)، والمقالات (الصندوق والنقاط)',
    'not computed for this scope':
        'لم يُحسب لهذا النطاق',
    'a corpus figure only: one article holds too few items of a question to estimate chance agreement from; choose code_agreement to compare articles':
        'رقم للمدونة فقط: بنود السؤال في مقالة واحدة أقل من أن يُقدَّر منها الاتفاق بالصدفة؛ اختر code_agreement لمقارنة المقالات',
    'not every counted annotator of this article answered the question':
        'لم يُجب كل المُعلِّقين المعدودين لهذه المقالة عن السؤال',
    'the pair coded no unit in common here':
        'لم يُرمِّز الزوج أي وحدة مشتركة هنا',
    'no part of this measure has a defined figure here, so there is no mean of them':
        'لا رقم معرّفًا لأي جزء من هذا المقياس هنا، فلا متوسط لها',
    # team work messages
    "Keep the more recent edit wherever work differs?": "الإبقاء على التعديل الأحدث حيثما اختلف العمل؟",
    "\n{name}: {articles}": "\n{name}: {articles}",
    "Wrote {articles} to {path}.": "كُتب في {path}: {articles}.",
    "Wrote {articles} of {annotator}'s work to {path}.": "كُتب من عمل {annotator} في {path}: {articles}.",
    # curation view and its undo entries
    "Gold": "المعيار الذهبي",
    "Waiting for a decision (Enter or A: accept · Delete or R: reject)": "بانتظار قرار (Enter أو A: قبول · Delete أو R: رفض)",
    "Accept": "قبول",
    "Accept the spans the annotators agree on into gold for which articles?": "قبول المقاطع المتفق عليها في المعيار الذهبي لأي المقالات؟",
    "This article": "هذه المقالة",
    "Reject": "رفض",
    "Set boundaries from selection": "تعيين الحدود من التحديد",
    "Mark curated": "تعليم كمُراجَعة",
    "Label {label}": "وسم {label}",
    "Gold: {status} · {spans} · {waiting}": "المعيار الذهبي: {status} · {spans} · {waiting}",
    "not started": "لم يبدأ",
    "curated": "مُراجَعة",
    "accept {label} {start}-{end}": "قبول {label} {start}-{end}",
    "reject {label} {start}-{end}": "رفض {label} {start}-{end}",
    "edit gold span to {label} {start}-{end}": "تعديل المقطع الذهبي إلى {label} {start}-{end}",
    "mark gold {status}": "تعليم المعيار الذهبي {status}",
    "Reject, or relate two selected gold spans": "رفض، أو ربط مقطعين ذهبيين محدّدين بعلاقة",
    "Delete or R: take the selected span out of gold. Select a head, Ctrl+click a child, R: a gold relation between them.":
        "Delete أو R: إخراج المقطع المحدّد من المعيار الذهبي. حدّد رأسًا ثم Ctrl+نقرة على طرف تابع، وR: علاقة ذهبية بينهما.",
    "No relation type links a “{head}” span to a “{child}” span.": "لا يوجد نوع علاقة يربط مقطعًا «{head}» بمقطع «{child}».",
    "That relation is already in gold.": "هذه العلاقة موجودة في المعيار الذهبي من قبل.",
    "add gold relation {type}": "إضافة علاقة ذهبية {type}",
    # curation of relations, attribute values and article answers (ui/curation/coding_lists.py; its
    # lists read right to left in English too, so the relation arrow points left in both)
    "Spans ({waiting})": "المقاطع ({waiting})",
    "Relations, attributes, answers ({waiting})": "العلاقات والسمات والإجابات ({waiting})",
    "Gold relations, attribute values and answers (Delete or R: take out of gold)":
        "العلاقات وقيم السمات والإجابات في المعيار الذهبي (Delete أو R: إخراج من المعيار الذهبي)",
    "{type}: «{head}» ← «{child}»": "{type}: «{head}» ← «{child}»",
    "{name} = {value} on «{span}»": "{name} = {value} على «{span}»",
    "{question} = {values}": "{question} = {values}",
    "relation {type}": "العلاقة {type}",
    "{name} = {value}": "{name} = {value}",
    "accept {what}": "قبول {what}",
    "reject {what}": "رفض {what}",
    "Spans that enough 'done' annotators marked identically (start, end, label) go into gold, with the relations between them, their attribute values and the article answers those annotators agree on; the curator decides the rest. Curated articles are left alone.":
        "المقاطع التي وسمها عدد كافٍ من المُعلِّقين المنتهين وسمًا مطابقًا (البداية والنهاية والوسم) تدخل المعيار الذهبي، ومعها العلاقات بينها وقيم سماتها وإجابات المقالة التي يتفق عليها هؤلاء المُعلِّقون؛ ويقرر المُراجِع الباقي. لا تُمس المقالات المُراجَعة.",
    # team work (File menu)
    "Annotator packs (*.annotator)": "حِزم المُعلِّق (*.annotator)",
    "Projects, packs and JSONL (*.sqlite *.db *.annotator *.jsonl);;All files (*)":
        "مشاريع وحِزم وJSONL (*.sqlite *.db *.annotator *.jsonl);;كل الملفات (*)",
    "Export for annotators": "تصدير للمُعلِّقين",
    "Assign articles to (names separated by commas; leave empty for no assignment):":
        "إسناد المقالات إلى (أسماء تفصل بينها فواصل؛ اتركه فارغًا لعدم الإسناد):",
    "Annotators per article:": "عدد المُعلِّقين لكل مقالة:",
    "Export my work": "تصدير عملي",
    "Your annotator name:": "اسمك مُعلِّقًا:",
    "Open pack": "فتح حزمة",
    "Merge": "دمج",
    "Merge: the same annotator's work differs": "الدمج: عمل المُعلِّق نفسه مختلف",
    "Export for annotators…": "تصدير للمُعلِّقين…",
    "Write a pack of articles, labels and guidelines to hand out": "كتابة حزمة من المقالات والوسوم والإرشادات لتوزيعها",
    "Export my work…": "تصدير عملي…",
    "Write your spans and statuses as JSONL to send back": "كتابة مقاطعك وحالاتك بصيغة JSONL لإعادتها",
    "Open pack…": "فتح حزمة…",
    "Add a pack's articles, labels and assignment to this project": "إضافة مقالات الحزمة ووسومها وإسنادها إلى هذا المشروع",
    "Merge…": "دمج…",
    "Merge other projects, packs or JSONL into this project": "دمج مشاريع أو حِزم أو ملفات JSONL أخرى في هذا المشروع",
    # suggestions: the other occurrences of a string just tagged
    "Accept &next suggestion": "قبول الاقتراح ال&تالي",
    "Tag the next suggested occurrence in this article, and go to it":
        "وسم الموضع المقترح التالي في هذه المقالة والانتقال إليه",
    "Accept all suggestions in this &article": "قبول كل الاقتراحات في هذه ال&مقالة",
    "Tag every suggested occurrence in this article (one undo)": "وسم كل المواضع المقترحة في هذه المقالة (بتراجع واحد)",
    "Accept all suggestions in the &corpus…": "قبول كل الاقتراحات في ال&مدوّنة…",
    "Tag every suggested occurrence in every article, after confirming":
        "وسم كل المواضع المقترحة في كل المقالات، بعد التأكيد",
    "D&ismiss suggestions": "ت&جاهل الاقتراحات",
    "Hide the suggestions; nothing is tagged": "إخفاء الاقتراحات؛ لا يُوسَم شيء",
    "Accept next": "قبول التالي",
    "All in this article": "الكل في هذه المقالة",
    "All in the corpus…": "الكل في المدوّنة…",
    "Dismiss": "تجاهل",
    "«{text}» also appears {here} in this article (searching the other articles…) — tag as {label}?":
        "«{text}» يرد أيضًا {here} في هذه المقالة (جارٍ البحث في المقالات الأخرى…) — وسمه {label}؟",
    "«{text}» appears {elsewhere} in {articles} — tag as {label}?":
        "«{text}» يرد {elsewhere} في {articles} — وسمه {label}؟",
    "«{text}» also appears {here} in this article and {elsewhere} in {articles} — tag as {label}?":
        "«{text}» يرد أيضًا {here} في هذه المقالة و{elsewhere} في {articles} — وسمه {label}؟",
    "Suggest other occurrences": "اقتراح المواضع الأخرى",
    "After a tag, offer its label on the other occurrences":
        "بعد الوسم، اقتراح الوسم نفسه على المواضع الأخرى للنص",
    "Keep proclitics when snapping": "إبقاء السوابق المتصلة عند الالتقاط",
    "Word snapping keeps و ف ب ل ك written attached to the first word (off: «الولايات», on: «والولايات»)":
        "يُبقي التقاطُ الكلمات حروفَ و ف ب ل ك المتصلة بالكلمة الأولى (معطَّل: «الولايات»، مفعَّل: «والولايات»)",
    "Could not search the other articles: {error}": "تعذّر البحث في المقالات الأخرى: {error}",
    "tag suggestion {label}": "وسم اقتراح {label}",
    "tag {suggestions} as {label}": "وسم {suggestions} بـ{label}",
    "tag {suggestions} in {articles} as {label}": "وسم {suggestions} في {articles} بـ{label}",
    "Tagging {places} in {articles}…": "جارٍ وسم {places} في {articles}…",
    "Cancelled: nothing was tagged.": "أُلغي: لم يُوسم شيء.",
    "Taking back {tags}…": "جارٍ التراجع عن {tags}…",
    "Tagging {places} again…": "جارٍ وسم {places} من جديد…",
    "Still searching the other articles; try again in a moment.": "ما زال البحث جاريًا في المقالات الأخرى؛ حاول بعد لحظة.",
    "Accept all suggestions": "قبول كل الاقتراحات",
    "Tag {places} in {articles} as {label}? (One undo takes them all back.)":
        "وسم {places} في {articles} بـ{label}؟ (تراجع واحد يلغيها كلها.)",
    "Accept suggestion: {label} «{excerpt}»": "قبول الاقتراح: {label} «{excerpt}»",
    "Dismiss suggestions": "تجاهل الاقتراحات",
    "Suggested: {label} — click to accept": "مقترح: {label} — انقر للقبول",
    "After a tag, its other occurrences are offered here": "بعد الوسم تُقترح هنا المواضع الأخرى للنص نفسه",
    # corpus search
    "&Search all articles…": "&بحث في كل المقالات…",
    "Find a word or phrase in every article, or in the spans of one label": "البحث عن كلمة أو عبارة في كل المقالات، أو في مقاطع وسم واحد",
    "Search": "بحث",
    "Search all articles…": "ابحث في كل المقالات…",
    "Harakat, tatweel and the forms of alef, ya and ta marbuta are ignored; words are found inside longer words too": "تُتجاهل الحركات والتطويل وصور الألف والياء والتاء المربوطة؛ وتوجد الكلمة داخل الكلمات الأطول أيضًا",
    "Search any text, or only the spans of one label": "البحث في النص كله، أو في مقاطع وسم واحد فقط",
    "Any text": "أي نص",
    "Spans: {label}": "مقاطع: {label}",
    "Searching…": "جارٍ البحث…",
    "Search failed: {error}": "تعذّر البحث: {error}",
    "Type a word or phrase to search every article.": "اكتب كلمة أو عبارة للبحث في كل المقالات.",
    "No spans contain it.": "لا مقاطع تحتويها.",
    "No matches.": "لا نتائج.",
    " (the first {shown} are listed)": " (تُعرض أول {shown})",
    "1 span contains it": "مقطع واحد يحتويها",
    "{found} in {articles}": "{found} في {articles}",
    # consistency tab
    "Consistency": "الاتساق",
    "Find shared passages": "ابحث عن المقاطع المشتركة",
    "Finding shared passages…": "جارٍ البحث عن المقاطع المشتركة…",
    "Looking for shared passages…": "جارٍ البحث عن المقاطع المشتركة…",
    "Spans of:": "مقاطع المُعلِّق:",
    "A": "أ",
    "B": "ب",
    "Compare different annotators too": "قارن بين مُعلِّقين مختلفين أيضًا",
    "Words": "الكلمات",
    "Differences": "الاختلافات",
    "Difference": "الاختلاف",
    "In A": "في أ",
    "In B": "في ب",
    "Open in Annotate": "افتح في الوسم",
    "Copy spans A → B": "انسخ المقاطع أ ← ب",
    "Copy spans B → A": "انسخ المقاطع ب ← أ",
    "copy spans A → B": "نسخ المقاطع أ ← ب",
    "copy spans B → A": "نسخ المقاطع ب ← أ",
    "Copied {spans} of {name} to article {side}": "نُسخ من عمل {name} إلى المقالة {side}: {spans}",
    "Could not look for passages: {error}": "تعذّر البحث عن المقاطع: {error}",
    "{passages} in {pairs}": "{passages} في {pairs}",
    "A {start_a}–{end_a} · B {start_b}–{end_b}": "أ {start_a}–{end_a} · ب {start_b}–{end_b}",
    "{side}: {title} — characters {start}–{end}": "{side}: {title} — المحارف {start}–{end}",
    "missing in B": "ناقص في ب",
    "missing in A": "ناقص في أ",
    "different label": "وسم مختلف",
    "different boundaries": "حدود مختلفة",
    "Passage": "المقطع",
    "Comparing the spans…": "جارٍ مقارنة المقاطع…",
    "Comparing the spans again…": "جارٍ مقارنة المقاطع من جديد…",
    "Filter by article title…": "صفِّ حسب عنوان المقالة…",
    # counts and figures read right in Arabic
    "{label}: corpus {value}": "{label}: المدونة {value}",
    "missed": "لا مقابل",
    "by vote": "بالتصويت",
    # File ▸ Import articles…
    "&Import articles…": "ا&ستيراد مقالات…",
    "Add articles and their annotations from files or folders, in any format the command line reads (or drop them on the window)": "أضف مقالات وتعليقاتها من ملفات أو مجلدات، بأي صيغة يقرؤها سطر الأوامر (أو أفلتها على النافذة)",
    "Import articles": "استيراد مقالات",
    "Add files…": "إضافة ملفات…",
    "Add folder…": "إضافة مجلد…",
    "Remove": "إزالة",
    "By each file's name": "حسب اسم كل ملف",
    "as named in the files (brat: the folder's name)": "كما تسمّيه الملفات (brat: اسم المجلد)",
    "Add labels the project does not have": "أضف الوسوم غير الموجودة في المشروع",
    "Read as:": "اقرأ بصيغة:",
    "Spans belong to:": "المقاطع للمُعلِّق:",
    "Tables, INCEpTION and WebAnno files": "الجداول وملفات INCEpTION وWebAnno",
    "Text column:": "عمود النص:",
    "Title column:": "عمود العنوان:",
    "Id column:": "عمود المعرّف:",
    "Span layer:": "طبقة المقاطع:",
    "Label feature:": "سمة الوسم:",
    "Import": "استيراد",
    "Files and folders (read recursively):": "الملفات والمجلدات (تُقرأ بما فيها من مجلدات فرعية):",
    "What the import adds:": "ما سيضيفه الاستيراد:",
    "Import a folder": "استيراد مجلد",
    "Imported.": "تم الاستيراد.",
    "Nothing can be imported: {error}": "لا يمكن استيراد شيء: {error}",
    "Add files or a folder to see what they hold.": "أضف ملفات أو مجلدًا لترى ما فيها.",
    "Reading the files…": "جارٍ قراءة الملفات…",
    "Tick “Add labels the project does not have” to import spans with these labels.": "فعّل «أضف الوسوم غير الموجودة في المشروع» لاستيراد المقاطع بهذه الوسوم.",
    "Everything in these files is already in the project.": "كل ما في هذه الملفات موجود في المشروع من قبل.",
    "Close": "إغلاق",
    "%v of {files}": "%v من {files}",
    "Nothing was stored.": "لم يُحفظ شيء.",
    "Import cancelled: nothing was stored.": "أُلغي الاستيراد: لم يُحفظ شيء.",
    "Plain text (.txt)": "نص عادي (.txt)",
    "JSONL records (.jsonl)": "سجلات JSONL ‏(.jsonl)",
    "brat standoff (.txt + .ann)": "ملفات brat المنفصلة (.txt + .ann)",
    "Span table (.csv)": "جدول مقاطع (.csv)",
    "Article table (.csv, .tsv, .xlsx)": "جدول مقالات (.csv، .tsv، .xlsx)",
    "Word (.docx)": "وورد (.docx)",
    "Web page (.html)": "صفحة ويب (.html)",
    "INCEpTION / WebAnno XMI (.xmi)": "ملفات XMI من INCEpTION / WebAnno ‏(.xmi)",
    "REFI-QDA project (.qdpx)": "مشروع REFI-QDA ‏(.qdpx)",
    "WebAnno TSV 3 (.tsv)": "ملف WebAnno TSV 3 ‏(.tsv)",
    "{new} added, {existing} already in the project": "أُضيف {new}، و{existing} موجود في المشروع من قبل",
    "{new} to add, {existing} already in the project": "سيُضاف {new}، و{existing} موجود في المشروع من قبل",
    "Articles: {counts}": "المقالات: {counts}",
    "Annotations: {counts}": "التعليقات: {counts}",
    "Spans: {counts}": "المقاطع: {counts}",
    "Annotators: {names}": "المُعلِّقون: {names}",
    "(new: {names})": "(جدد: {names})",
    "New labels: {names}": "وسوم جديدة: {names}",
    "… and {notes}": "… و{notes}",
    # File ▸ Export…
    "&Export…": "ت&صدير…",
    "Write annotations or gold in an export format, with its metadata record": "اكتب التعليقات أو المرجع المعتمد بصيغة تصدير، مع سجل بياناتها الوصفية",
    "Save a &copy as…": "حفظ &نسخة باسم…",
    "Write a copy of this project to another file and go on working in the copy": "اكتب نسخة من هذا المشروع في ملف آخر وتابع العمل في النسخة",
    "Export": "تصدير",
    "Whose spans": "مقاطع مَن",
    "My work ({name})": "عملي ({name})",
    "One annotator:": "مُعلِّق واحد:",
    "Every annotator's work": "عمل كل المُعلِّقين",
    "Gold (the adjudicated spans)": "المرجع المعتمد (المقاطع المحكَّمة)",
    "Only articles whose gold is curated": "المقالات التي اكتمل تحكيم مرجعها فقط",
    "Add the agreement summary to the metadata (slower on a large corpus)": "أضف ملخص الاتفاق إلى البيانات الوصفية (أبطأ في مدونة كبيرة)",
    "Choose…": "اختيار…",
    "Format:": "الصيغة:",
    "Write to:": "اكتب في:",
    "Show in folder": "أظهر في المجلد",
    "Writes a new folder (it must not exist yet, or be empty).": "يكتب مجلدًا جديدًا (يجب ألا يكون موجودًا، أو أن يكون فارغًا).",
    "Writes one file, and its metadata record beside it.": "يكتب ملفًا واحدًا، وبجانبه سجل بياناته الوصفية.",
    "Export to a new folder": "التصدير إلى مجلد جديد",
    "Export to": "التصدير إلى",
    "Exporting…": "جارٍ التصدير…",
    "Exported {articles} and {spans} as {format}.": "صُدِّرت {articles} و{spans} بصيغة {format}.",
    "Data: {path}": "البيانات: {path}",
    "Metadata: {path}": "البيانات الوصفية: {path}",
    "Nothing was exported: {error}": "لم يُصدَّر شيء: {error}",
    "Export cancelled: nothing was written.": "أُلغي التصدير: لم يُكتب شيء.",
    "JSONL (one record per article and annotator)": "JSONL (سجل لكل مقالة ومُعلِّق)",
    "spaCy DocBin (needs the spacy extra)": "spaCy DocBin (يحتاج إضافة spacy)",
    "brat standoff (a folder)": "ملفات brat المنفصلة (مجلد)",
    "CoNLL BIO tags": "وسوم CoNLL بنظام BIO",
    "CSV table of spans (opens in Excel)": "جدول مقاطع CSV (يفتح في إكسل)",
    "INCEpTION / WebAnno XMI (a folder)": "ملفات XMI من INCEpTION / WebAnno (مجلد)",
    "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo": "مشروع REFI-QDA لبرامج MAXQDA وATLAS.ti وNVivo",
    # the first start
    "Welcome to Annotator": "مرحبًا بك في المُعلِّق",
    "Every change is saved at once. Three things to know:": "يُحفظ كل تغيير فورًا. ثلاثة أمور تحتاج إلى معرفتها:",
    "<b>Who you are.</b> Your name marks the spans you make (Annotator ▸ Switch annotator changes it later).": "<b>من أنت.</b> يُسجَّل اسمك على المقاطع التي تضعها (يمكنك تغييره لاحقًا من مُعلِّق ▸ تبديل المُعلِّق).",
    "<b>Tagging.</b> Select words in the article and press a label's key: {keys}. Ctrl+Z undoes.": "<b>الوسم.</b> حدِّد كلمات في المقالة واضغط مفتاح الوسم: {keys}. يتراجع Ctrl+Z عن آخر تعديل.",
    "see the Labels menu": "انظر قائمة وسوم",
    "<b>Articles.</b> The list holds {articles} to try things on (the sample articles in a new project); bring your own corpus with File ▸ Import articles… (Ctrl+I), or drop files on the window.": "<b>المقالات.</b> في القائمة {articles} للتجربة (المقالات النموذجية في مشروع جديد)؛ استورد مدونتك من ملف ▸ استيراد مقالات… (Ctrl+I)، أو أفلت الملفات على النافذة.",
    "<b>Articles.</b> This project has none yet: bring your corpus with File ▸ Import articles… (Ctrl+I), or drop files on the window.": "<b>المقالات.</b> لا مقالات في هذا المشروع بعد: استورد مدونتك من ملف ▸ استيراد مقالات… (Ctrl+I)، أو أفلت الملفات على النافذة.",
    "Your name:": "اسمك:",
    "Start annotating": "ابدأ الوسم",
    "Import articles…": "استيراد مقالات…",
    "CoNLL / IOB tags (.conll, .iob, .bio)": "وسوم CoNLL / IOB ‏(.conll، .iob، .bio)",
    "doccano export (.zip)": "ملف تصدير doccano ‏(.zip)",
    "Label Studio JSON export (.json)": "ملف تصدير Label Studio بصيغة JSON ‏(.json)",
    "Label Studio tasks (.json) and labelling config": "مهام Label Studio ‏(.json) وإعداد الوسوم",
    "{shown} listed · counting…": "عُرضت {shown} · جارٍ العدّ…",
    "Counting…": "جارٍ العدّ…",
    # why a figure is undefined (annotator/ui/agreement/reasons.py)
    'no unit was coded by two or more annotators': 'لم يُرمِّز أي وحدة مُعلِّقان أو أكثر',
    'fewer than two categories to choose from': 'أقل من فئتين للاختيار بينهما',
    'nothing was marked: no annotator marked any of these characters, so there is no agreement to measure (AC1 would read a perfect 1)': 'لم يُحدَّد شيء: لم يحدد أي مُعلِّق أيًّا من هذه الحروف، فلا اتفاق يُقاس (وكان AC1 سيقرأ 1 تامًّا)',
    'no span attributes: the project defines none': 'لا سمات للمقاطع: لا يعرّف المشروع أيًّا منها',
    'no matched span of this label was marked by two or more annotators': 'لم يحدد مُعلِّقان أو أكثر أي مقطع متطابق بهذا الوسم',
    'no interval: a bootstrap interval needs at least two articles (resampling a single article draws it every time, so the interval would be the figure itself)': 'لا مجال: يحتاج مجال إعادة المعاينة إلى مقالتين على الأقل (إعادة معاينة مقالة واحدة تسحبها كل مرة، فيكون المجال هو الرقم نفسه)',
    'no interval: the figure itself is undefined': 'لا مجال: الرقم نفسه غير معرّف',
    'no interval: fewer than half of the resamples give a defined figure': 'لا مجال: أقل من نصف إعادات المعاينة تعطي رقمًا معرّفًا',
    'no variation: every counted character has the same value, so chance agreement is total': 'لا تباين: لكل الحروف المعدودة القيمة نفسها، فالاتفاق بالصدفة تام',
    'no character was coded by two or more annotators': 'لم يُرمِّز أي حرف مُعلِّقان أو أكثر',
    'the pair shares no counted character': 'لا يشترك الزوج في أي حرف معدود',
    'no article questions: the project defines none': 'لا أسئلة للمقالات: لا يعرّف المشروع أيًّا منها',
    'no article was answered by all of its counted annotators': 'لم يُجب كل المُعلِّقين المعدودين عن أي مقالة',
    'the pair answered no article in common': 'لم يُجب الزوج عن أي مقالة مشتركة',
    'no variation: every answer is the same, so chance agreement is total': 'لا تباين: كل الإجابات متماثلة، فالاتفاق بالصدفة تام',
    'neither annotator marked a span': 'لم يحدد أي من المُعلِّقَين مقطعًا',
    'fewer than two annotators marked a span': 'حدّد أقل من مُعلِّقَين مقطعًا',
    'no relation: neither annotator linked two spans here': 'لا علاقة: لم يربط أي من المُعلِّقَين مقطعين هنا',
    'no relation types: the project defines none, so there are no relations to compare': 'لا أنواع علاقات: لا يعرّف المشروع أيًّا منها، فلا علاقات للمقارنة',
    'span attribute agreement was not computed for this report': 'لم يُحسب الاتفاق على سمات المقاطع في هذا التقرير',
    'fewer than two annotators': 'أقل من مُعلِّقَين',
    'no annotator marked a span with this label': 'لم يحدد أي مُعلِّق مقطعًا بهذا الوسم',
    'no expected disagreement (the spans leave no room for chance)': 'لا اختلاف متوقع (لا تترك المقاطع مجالًا للصدفة)',
    'no article was finished by all counted annotators; choose some with --annotators': 'لم يُنهِ كل المُعلِّقين المعدودين أي مقالة؛ اختر بعضهم بـ --annotators',
    '{first} / {second}: undefined — {reason}': '{first} / {second}: غير معرّف — {reason}',
    '{first} / {second}: {measure} {value} over {articles}': '{first} / {second}: {measure} {value} على {articles}',
    "showing {name}'s spans: {chosen} has none in these passages": "تُعرض مقاطع {name}: ليس لـ{chosen} مقاطع في هذه المواضع المشتركة",
    # an undo step that meets another writer's change
    "Undo step skipped: its spans were changed elsewhere (another window or the command line), so nothing was changed.":
        "تُخطّيت خطوة التراجع: غُيّرت مقاطعها في مكان آخر (نافذة أخرى أو سطر الأوامر)، فلم يتغيّر شيء.",
    # another program (a second window, the command line) wrote to the open project
    "Updated: another program changed the project": "حُدِّث العرض: غيّر برنامج آخر المشروع",
    "Changed elsewhere (another window or the command line): these figures are out of date — press Recompute.":
        "تغيّر المشروع في مكان آخر (نافذة أخرى أو سطر الأوامر): هذه الأرقام قديمة — اضغط «إعادة الحساب».",
    # relations in the annotation window
    "Make &relation…": "إنشاء &علاقة…",
    "Link the selected span to another: R again for another type, N/P and Enter or a click for the other end, Esc to cancel":
        "اربط المقطع المحدد بآخر: R مرة أخرى لنوع آخر، وN/P ثم Enter أو نقرة للطرف الآخر، وEsc للإلغاء",
    "Relation {type}": "علاقة {type}",
    "link": "ربطه",
    "Relation “{type}” made.": "أُنشئت علاقة «{type}».",
    "Select a relation in the Relations list first to delete it.": "حدّد علاقة في قائمة العلاقات أولًا لحذفها.",
    "That relation is {annotator}'s: other annotators' work is read-only.":
        "هذه العلاقة لـ{annotator}: عمل المُعلِّقين الآخرين للقراءة فقط.",
    "A “{type}” relation cannot start at a {label} span.": "لا تبدأ علاقة «{type}» من مقطع {label}.",
    "No relation type starts at a {label} span (Labels ▸ Edit labels… sets which labels a relation joins).":
        "لا يبدأ أي نوع علاقة من مقطع {label} (الوسوم ◂ تحرير الوسوم… يحدد الوسوم التي تربطها كل علاقة).",
    "No span of this paragraph can be the other end: click one, or Esc to cancel.":
        "لا مقطع في هذه الفقرة يصلح طرفًا آخر: انقر مقطعًا، أو Esc للإلغاء.",
    "Not linked: {reason}": "لم يُربط: {reason}",
    "No relation made.": "لم تُنشأ علاقة.",
    "a relation joins two different spans.": "العلاقة تربط مقطعين مختلفين.",
    "that span is {annotator}'s; a relation joins two spans of the same annotator.":
        "هذا المقطع لـ{annotator}؛ العلاقة تربط مقطعين للمُعلِّق نفسه.",
    "a “{type}” relation must start at a span labelled {labels}, not {label}.":
        "علاقة «{type}» تبدأ من مقطع موسوم {labels}، لا {label}.",
    "a “{type}” relation must end at a span labelled {labels}, not {label}.":
        "علاقة «{type}» تنتهي عند مقطع موسوم {labels}، لا {label}.",
    "these spans are already linked by “{type}”.": "هذان المقطعان مربوطان بعلاقة «{type}» من قبل.",
    " or ": " أو ",
    "{type} from «{head}»: no span of this paragraph fits — click one{more} · Esc cancels":
        "{type} من «{head}»: لا مقطع في هذه الفقرة يناسب — انقر مقطعًا{more} · Esc يلغي",
    " · R other type": " · R نوع آخر",
    "{type}: «{head}» → «{child}» — Enter links · N/P other end{more} · Esc cancels":
        "{type}: «{head}» ← «{child}» — Enter يربط · N/P طرف آخر{more} · Esc يلغي",
    "Head": "الرأس",
    "Relation": "العلاقة",
    "Child": "الطرف التابع",
    "{head} «{head_text}» — {type} → {child} «{child_text}», by {annotator}{read_only}":
        "{head} «{head_text}» — {type} ← {child} «{child_text}»، من {annotator}{read_only}",
    "delete relation {type}": "حذف علاقة {type}",
    # the span inspector and the Article codes pane
    "Relations": "العلاقات",
    "Span": "المقطع",
    "Article codes": "ترميز المقالة",
    "inspect": "فحصه",
    "This project asks no questions about articles.": "لا يطرح هذا المشروع أسئلة عن المقالات.",
    "Note on this article": "ملاحظة على هذه المقالة",
    "Note": "ملاحظة",
    "not answered": "بلا إجابة",
    "yes": "نعم",
    "Note on this span": "ملاحظة على هذا المقطع",
    "Select a span to see its attributes and note.": "حدّد مقطعًا لترى سماته وملاحظته.",
    "{label}: «{excerpt}»": "{label}: «{excerpt}»",
    "from the list: type to complete": "من القائمة: اكتب ليُكمَل",
    "«{typed}» is not in the list of {attribute}: nothing stored (new entries are added to the list in Labels ▸ Edit labels…).":
        "«{typed}» ليس في قائمة {attribute}: لم يُحفظ شيء (تُضاف المدخلات الجديدة إلى القائمة من الوسوم ◂ تحرير الوسوم…).",
    "&Inspect span": "&فحص المقطع",
    "The selected span's attributes and note, first attribute focused (number keys pick a choice, Space sets a flag)":
        "سمات المقطع المحدد وملاحظته، والتركيز على أول سمة (الأرقام تختار قيمة، والمسافة تضبط العلامة)",
    "Article &codes": "&ترميز المقالة",
    "Answer this article's questions and write its note": "أجب عن أسئلة هذه المقالة واكتب ملاحظتك عليها",
    "{label} {attribute}": "{label} {attribute}",
    "note on {label}": "ملاحظة على {label}",
    "answer {question}": "إجابة {question}",
    "article note": "ملاحظة المقالة",
    # Edit labels: relation types, attributes and article questions (ui/labels/*_tab.py, parts.py)
    "Relation types": "أنواع العلاقات",
    "Attributes": "السمات",
    "Article questions": "أسئلة المقالة",
    "Directed": "الاتجاه",
    "head → child": "الرأس ← الطرف التابع",
    "either way": "في الاتجاهين",
    "Head (where the relation starts):": "الرأس (حيث تبدأ العلاقة):",
    "Child (where it ends):": "الطرف التابع (حيث تنتهي العلاقة):",
    "No label ticked: a span of any label may be that end.": "إن لم يُعلَّم أي وسم جاز أن يكون ذلك الطرف مقطعًا بأي وسم.",
    "Add relation type": "إضافة نوع علاقة",
    "Name of the new relation type:": "اسم نوع العلاقة الجديد:",
    "Rename relation type": "إعادة تسمية نوع العلاقة",
    "The relation type {name} is used by {relations} in {articles}; they keep it under its new name {new}. Rename?":
        "نوع العلاقة {name} مستعمل في {relations} في {articles}؛ وتبقى عليه باسمه الجديد {new}. أتعيد التسمية؟",
    "The key {key} is already {name}'s.": "المفتاح {key} مخصّص من قبل لـ{name}.",
    "Colour of {name}": "لون {name}",
    "Delete relation type": "حذف نوع العلاقة",
    "The relation type {name} is used by {relations} in {articles}. Deleting it deletes them too, for every annotator (Undo in this window brings them back). Delete?":
        "نوع العلاقة {name} مستعمل في {relations} في {articles}. حذفه يحذفها معه لدى كل المعلّقين (التراجع في هذه النافذة يعيدها). أتحذفه؟",
    "choice of values": "اختيار من قيم",
    "flag (yes or no)": "علامة (نعم أو لا)",
    "text from a list": "نص من قائمة",
    "Attributes of spans labelled:": "سمات المقاطع الموسومة بـ:",
    "Kind": "النوع",
    "Add attribute…": "إضافة سمة…",
    "Delete attribute…": "حذف السمة…",
    "Select an attribute to see its values.": "حدّد سمة لترى قيمها.",
    "A flag is set or not: it has no values.": "العلامة إما مضبوطة وإما لا: لا قيم لها.",
    "Values of {name} to choose from:": "قيم {name} التي يُختار منها:",
    "The list of {name}: typing in the span inspector completes from it; add new entries here, on purpose.":
        "قائمة {name}: الكتابة في فاحص المقطع تُكمَل منها؛ أضف المدخلات الجديدة هنا عن قصد.",
    "Add an attribute to {label}": "إضافة سمة إلى {label}",
    "Rename attribute": "إعادة تسمية السمة",
    "{name} has a value on {spans} in {articles}; they keep it under its new name {new}. Rename?":
        "للسمة {name} قيمة على {spans} في {articles}؛ وتبقى لها باسمها الجديد {new}. أتعيد التسمية؟",
    "{name} has a value on {spans} in {articles}: its kind cannot change while it does.":
        "للسمة {name} قيمة على {spans} في {articles}: لا يتغيّر نوعها ما دامت كذلك.",
    "Delete attribute": "حذف السمة",
    "{name} has a value on {spans} in {articles}. Deleting the attribute deletes those values too (Undo in this window brings them back). Delete?":
        "للسمة {name} قيمة على {spans} في {articles}. حذف السمة يحذف تلك القيم أيضًا (التراجع في هذه النافذة يعيدها). أتحذفها؟",
    "New entry of {name}:": "مدخل جديد في {name}:",
    "Add entry": "إضافة مدخل",
    "Add entry…": "إضافة مدخل…",
    "Remove entry…": "إزالة المدخل…",
    "Respell entry": "تعديل كتابة المدخل",
    "{value} is the {name} of {spans} in {articles}; they change to {new}. Respell?":
        "{value} هي قيمة {name} في {spans} في {articles}؛ وتصير {new}. أتعدّل الكتابة؟",
    "Remove entry": "إزالة المدخل",
    "{value} is the {name} of {spans} in {articles}. Removing it from the list clears it on them too (Undo in this window brings it back). Remove?":
        "{value} هي قيمة {name} في {spans} في {articles}. إزالتها من القائمة تمحوها منها أيضًا (التراجع في هذه النافذة يعيدها). أتزيلها؟",
    "separated by commas": "مفصولة بفواصل",
    "Name:": "الاسم:",
    "Kind:": "النوع:",
    "Values:": "القيم:",
    "single choice": "اختيار واحد",
    "multiple choice": "اختيار متعدد",
    "yes or no": "نعم أو لا",
    "short text": "نص قصير",
    "Question": "السؤال",
    "Add question…": "إضافة سؤال…",
    "Delete question…": "حذف السؤال…",
    "Select a question to see its options.": "حدّد سؤالًا لترى خياراته.",
    "Options of {name}:": "خيارات {name}:",
    "{name} is answered {kind}: it has no options.": "يُجاب عن {name} بـ{kind}: لا خيارات له.",
    "Add an article question": "إضافة سؤال عن المقالة",
    "Rename question": "إعادة تسمية السؤال",
    "The question {name} has {answers} in {articles}; they keep it under its new name {new}. Rename?":
        "للسؤال {name} {answers} في {articles}؛ وتبقى له باسمه الجديد {new}. أتعيد التسمية؟",
    "Delete question": "حذف السؤال",
    "The question {name} has {answers} in {articles}. Deleting it deletes those answers too, for every annotator (Undo in this window brings them back). Delete?":
        "للسؤال {name} {answers} في {articles}. حذفه يحذف تلك الإجابات لدى كل المعلّقين (التراجع في هذه النافذة يعيدها). أتحذفه؟",
    "New option of {name}:": "خيار جديد لـ{name}:",
    "Add option": "إضافة خيار",
    "Respell option": "تعديل كتابة الخيار",
    "{option} is chosen for {name} by {answers} in {articles}; they change to {new}. Respell?":
        "اختير {option} لـ{name} في {answers} في {articles}؛ ويصير {new}. أتعدّل الكتابة؟",
    "Remove option": "إزالة الخيار",
    "{option} is chosen for {name} by {answers} in {articles}. Removing the option takes it out of them too (Undo in this window brings it back). Remove?":
        "اختير {option} لـ{name} في {answers} في {articles}. إزالة الخيار تحذفه منها أيضًا (التراجع في هذه النافذة يعيده). أتزيله؟",
    "{label} already has an attribute named {name}.": "للوسم {label} سمة اسمها {name} من قبل.",
    "{value} is already in the list of {name}.": "{value} موجود من قبل في قائمة {name}.",
    "A choice needs at least one value to choose from: give them, separated by commas.": "الاختيار يحتاج إلى قيمة واحدة على الأقل يُختار منها: اكتبها مفصولة بفواصل.",
    "There is already an article question named {name}.": "يوجد من قبل سؤال عن المقالة اسمه {name}.",
    "{option} is already an option of {name}.": "{option} خيار من خيارات {name} من قبل.",
    "The question {name} has {answers} in {articles}: its kind cannot change while it does.":
        "للسؤال {name} {answers} في {articles}: لا يتغيّر نوعه ما دامت له.",
    "There is already a relation type named {name}.": "يوجد من قبل نوع علاقة اسمه {name}.",
    "{spans} use the label {label}; they keep it under its new name {new}. Rename?":
        "يستعمل الوسم {label} {spans}؛ وتبقى عليه باسمه الجديد {new}. أتعيد التسمية؟",
    "Rename label": "إعادة تسمية الوسم",
    # undo steps of those edits (ui/labels/codebook_commands.py): "Undo <step>"
    "make question {name} {kind}": "جعل السؤال {name} {kind}",
    "add relation type {name}": "إضافة نوع العلاقة {name}",
    "rename relation type {name} to {new}": "إعادة تسمية نوع العلاقة {name} إلى {new}",
    "change relation type {name}": "تغيير نوع العلاقة {name}",
    "delete relation type {name}": "حذف نوع العلاقة {name}",
    "add attribute {name} to {label}": "إضافة السمة {name} إلى {label}",
    "rename attribute {name} to {new}": "إعادة تسمية السمة {name} إلى {new}",
    "make attribute {name} {kind}": "جعل السمة {name} {kind}",
    "delete attribute {name} of {label}": "حذف السمة {name} من {label}",
    "add {value} to the list of {name}": "إضافة {value} إلى قائمة {name}",
    "respell {value} as {new}": "تعديل كتابة {value} إلى {new}",
    "remove {value} from the list of {name}": "إزالة {value} من قائمة {name}",
    "add question {name}": "إضافة السؤال {name}",
    "rename question {name} to {new}": "إعادة تسمية السؤال {name} إلى {new}",
    "delete question {name}": "حذف السؤال {name}",
    "add option {option} to {name}": "إضافة الخيار {option} إلى {name}",
    "remove option {option} from {name}": "إزالة الخيار {option} من {name}",
    # team folder (File ▸ Team folder…, the banner, the Team tab, the status-bar notices)
    "&Team folder…": "مجلد ال&فريق…",
    "Join a folder shared by the team, see the current one, or leave it": "الانضمام إلى مجلد يتشاركه الفريق، أو عرض المجلد الحالي، أو مغادرته",
    "Team": "الفريق",
    "Team folder": "مجلد الفريق",
    ", ": "، ",
    "Updated work from {names}": "عمل محدَّث من {names}",
    "Updated from the team folder": "تحديث من مجلد الفريق",
    "{what} from {names}": "{what} من {names}",
    "Joined the team folder {folder} as {name}": "انضممتَ إلى مجلد الفريق {folder} باسم {name}",
    "Left the team folder: its files stay there, and everything merged from it stays here": "غادرتَ مجلد الفريق: تبقى ملفاته فيه، ويبقى هنا كل ما دُمج منه",
    "The team folder round failed: {message}": "تعذّرت جولة مجلد الفريق: {message}",
    "The team folder {folder} cannot be reached. Your work goes on in this project and is published when the folder is back.": "تعذّر الوصول إلى مجلد الفريق {folder}. يستمر عملك في هذا المشروع ويُنشر حين يعود المجلد.",
    "Done": "منتهية",
    "In progress": "قيد العمل",
    "Assigned": "مُسندة",
    "Spans": "المقاطع",
    "Last activity": "آخر نشاط",
    "Last file seen": "آخر ملف رُئي",
    "File": "حال الملف",
    "merged (sequence {sequence})": "دُمج (التسلسل {sequence})",
    "up to date (sequence {sequence})": "محدَّث (التسلسل {sequence})",
    "incomplete: waiting for the rest": "ناقص: بانتظار بقيته",
    "refused: damaged or altered": "مرفوض: تالف أو معدَّل",
    "a conflict copy, kept on disk": "نسخة تعارض، أُبقيت على القرص",
    "an older copy, not merged": "نسخة أقدم، لم تُدمج",
    "written under my name elsewhere": "كُتب باسمي على جهاز آخر",
    "reviewer": "المراجِع",
    "Team folder {folder} · working here as {name} ({role})": "مجلد الفريق {folder} · تعمل هنا باسم {name} ({role})",
    "Waiting for the first round through the folder…": "بانتظار الجولة الأولى عبر المجلد…",
    "Last round {time}: {files} in the folder": "آخر جولة {time}: {files} في المجلد",
    "my file (sequence {sequence})": "ملفي (التسلسل {sequence})",
    "no file in the folder": "لا ملف في المجلد",
    "Article": "المقالة",
    "Finished by": "أنهاها",
    "Assigned, not finished": "مُسندة ولم تُنهَ",
    "A folder that a sync engine (Syncthing, Nextcloud, Dropbox…) or git keeps in step on every desktop of the team. This desktop writes only its own file there and merges everyone else's as they arrive.": "مجلد يُبقيه محرّك مزامنة (Syncthing أو Nextcloud أو Dropbox…) أو git متطابقًا على كل أجهزة الفريق. يكتب هذا الجهاز فيه ملفه وحده، ويدمج ملفات الآخرين حين تصل.",
    "The shared folder": "المجلد المشترك",
    "I am the reviewer: also publish the articles, labels, guidelines, assignments and gold": "أنا المراجِع: انشر أيضًا المقالات والوسوم والإرشادات والإسناد والمعيار الذهبي",
    "Folder:": "المجلد:",
    "Join": "انضمام",
    "Leave the folder": "مغادرة المجلد",
    "This project is not joined to a team folder.": "هذا المشروع غير منضم إلى مجلد فريق.",
    "as the reviewer": "بصفتك المراجِع",
    "as an annotator": "بصفتك مُعلِّقًا",
    "Joined to {folder}, working here as {name} ({role}).": "منضم إلى {folder}، وتعمل هنا باسم {name} ({role}).",
    "Choose the team folder": "اختر مجلد الفريق",
    "Choose the shared folder first.": "اختر المجلد المشترك أولًا.",
    "This project is open read-only, so it cannot join a team folder. Copy the file to a folder you can write to first.": "هذا المشروع مفتوح للقراءة فقط، فلا يمكنه الانضمام إلى مجلد فريق. انسخ الملف أولًا إلى مجلد تستطيع الكتابة فيه.",
    "This folder cannot be used as the team folder; nothing was changed.": "لا يمكن استخدام هذا المجلد مجلدًا للفريق؛ لم يتغيّر شيء.",
    "{name} cannot name your file in the team folder: give a name without slashes that does not begin with a dot.": "لا يصلح {name} اسمًا لملفك في مجلد الفريق: اختر اسمًا بلا شُرَط مائلة لا يبدأ بنقطة.",
    "{folder} is a file, not a folder: choose the shared folder itself. Nothing was changed.": "المسار {folder} ملف لا مجلد: اختر المجلد المشترك نفسه. لم يتغيّر شيء.",
    "{folder} does not exist (is the share mounted?): choose a folder that does. Nothing was changed.": "المجلد {folder} غير موجود (هل المجلد المشترك موصول؟): اختر مجلدًا موجودًا. لم يتغيّر شيء.",
    "{folder} cannot be written: check its permissions. Nothing was changed.": "لا يمكن الكتابة في {folder}: تحقّق من أذوناته. لم يتغيّر شيء.",
    "The project could not leave the team folder.": "تعذّر على المشروع مغادرة مجلد الفريق.",
    "OK": "حسنًا",
    # article metadata: the Articles dock's filter and sort, the dashboard's split by a key (issue 21)
    "Filter by title or metadata…": "رشّح بالعنوان أو البيانات الوصفية…",
    "Show only the articles whose metadata key has the value chosen beside": "اعرض فقط المقالات التي يحمل مفتاح بياناتها الوصفية القيمة المختارة بجانبه",
    "The order of the list": "ترتيب القائمة",
    "Any metadata": "أي بيانات وصفية",
    "Corpus order": "ترتيب المدونة",
    "Sorted by {key}": "مرتّبة حسب {key}",
    "any value": "أي قيمة",
    "Split by metadata key: a chart with one group of bars per value (per outlet, per date…)": "التقسيم حسب مفتاح في البيانات الوصفية: رسم فيه مجموعة أعمدة لكل قيمة (لكل وسيلة إعلام، لكل تاريخ…)",
    "By metadata: none": "حسب البيانات الوصفية: لا شيء",
    "Per {key}": "لكل {key}",
    "{measure} per {key}": "{measure} لكل {key}",
    "(no value)": "(بلا قيمة)",
    "{key} = {value}: {articles}\n{measure}: {figure}": "{key} = {value}: {articles}\n{measure}: {figure}",
    # Curate: the curator's own gold value and answer (V, Q)
    "Give the selected gold span a value of your own": "أعطِ المقطع الذهبي المحدد قيمة من عندك",
    "Answer an article question in gold yourself": "أجب بنفسك عن سؤال المقالة في المعيار الذهبي",
    "Select a gold span first (in the gold list), then press V.": "حدد مقطعًا ذهبيًا أولًا (في قائمة المعيار الذهبي) ثم اضغط V.",
    "The label {label} has no attributes.": "ليس للوسم {label} سمات.",
    "The codebook has no article questions.": "لا أسئلة مقالات في دليل الترميز.",
    "Gold value": "قيمة ذهبية",
    "Attribute of «{span}»:": "سمة «{span}»:",
    "Value of {name}:": "قيمة {name}:",
    "Gold answer": "إجابة ذهبية",
    "Question:": "السؤال:",
    "Answer to {name}:": "الإجابة عن {name}:",
    "Answers to {name}, separated by commas ({options}):": "الإجابات عن {name}، مفصولة بفواصل ({options}):",
}


# Counted nouns (annotator/ui/shell/counts.py) in Qt's six Arabic plural forms, in Qt's order:
# n = 0, n = 1, n = 2, n % 100 in 3–10, n % 100 in 11–99, the rest (100–102, 200…).
ARABIC_PLURALS = {
    "All %n article(s)": ("كل المقالات (%n)", "المقالة الوحيدة", "المقالتان كلتاهما", "كل المقالات الـ%n", "كل المقالات الـ%n", "كل المقالات الـ%n"),
    "%n span(s)": ("%n مقطع", "مقطع واحد", "مقطعان", "%n مقاطع", "%n مقطعًا", "%n مقطع"),
    "%n article(s)": ("%n مقالة", "مقالة واحدة", "مقالتان", "%n مقالات", "%n مقالةً", "%n مقالة"),
    "%n other article(s)": ("%n مقالة أخرى", "مقالة أخرى واحدة", "مقالتان أخريان", "%n مقالات أخرى",
                            "%n مقالةً أخرى", "%n مقالة أخرى"),
    "%n pair(s) of articles": ("%n زوج من المقالات", "زوج واحد من المقالات", "زوجان من المقالات",
                               "%n أزواج من المقالات", "%n زوجًا من المقالات", "%n زوج من المقالات"),
    "%n shared passage(s)": ("%n مقطع مشترك", "مقطع مشترك واحد", "مقطعان مشتركان", "%n مقاطع مشتركة",
                             "%n مقطعًا مشتركًا", "%n مقطع مشترك"),
    "%n place(s)": ("%n موضع", "موضع واحد", "موضعان", "%n مواضع", "%n موضعًا", "%n موضع"),
    "%n suggestion(s)": ("%n اقتراح", "اقتراح واحد", "اقتراحان", "%n اقتراحات", "%n اقتراحًا", "%n اقتراح"),
    "%n tag(s)": ("%n وسم", "وسم واحد", "وسمان", "%n وسوم", "%n وسمًا", "%n وسم"),
    "%n match(es)": ("%n نتيجة", "نتيجة واحدة", "نتيجتان", "%n نتائج", "%n نتيجةً", "%n نتيجة"),
    "%n time(s)": ("%n مرة", "مرة واحدة", "مرتان", "%n مرات", "%n مرةً", "%n مرة"),
    "%n waiting": ("%n بالانتظار",) * 6,
    "%n annotation(s)": ("%n تعليق", "تعليق واحد", "تعليقان", "%n تعليقات", "%n تعليقًا", "%n تعليق"),
    "%n file(s)": ("%n ملف", "ملف واحد", "ملفان", "%n ملفات", "%n ملفًا", "%n ملف"),
    "%n chart file(s)": ("%n ملف رسوم", "ملف رسوم واحد", "ملفّا رسوم", "%n ملفات رسوم", "%n ملفًّا للرسوم",
                         "%n ملف رسوم"),
    "%n more note(s)": ("%n ملاحظة أخرى", "ملاحظة أخرى واحدة", "ملاحظتان أخريان", "%n ملاحظات أخرى",
                        "%n ملاحظةً أخرى", "%n ملاحظة أخرى"),
    "%n relation(s)": ("%n علاقة", "علاقة واحدة", "علاقتان", "%n علاقات", "%n علاقةً", "%n علاقة"),
    "%n answer(s)": ("%n إجابة", "إجابة واحدة", "إجابتان", "%n إجابات", "%n إجابةً", "%n إجابة"),
    "%n new article(s)": ("%n مقالة جديدة", "مقالة جديدة واحدة", "مقالتان جديدتان", "%n مقالات جديدة", "%n مقالةً جديدة", "%n مقالة جديدة"),
    "%n new span(s)": ("%n مقطع جديد", "مقطع جديد واحد", "مقطعان جديدان", "%n مقاطع جديدة", "%n مقطعًا جديدًا", "%n مقطع جديد"),
    "%n span(s) removed": ("حُذف %n مقطع", "حُذف مقطع واحد", "حُذف مقطعان", "حُذفت %n مقاطع", "حُذف %n مقطعًا", "حُذف %n مقطع"),
    "%n new assignment(s)": ("%n إسناد جديد", "إسناد جديد واحد", "إسنادان جديدان", "%n إسنادات جديدة", "%n إسنادًا جديدًا", "%n إسناد جديد"),
    "%n new label(s)": ("%n وسم جديد", "وسم جديد واحد", "وسمان جديدان", "%n وسوم جديدة", "%n وسمًا جديدًا", "%n وسم جديد"),
    "%n conflict copy(-ies) kept": ("أُبقيت %n نسخة تعارض", "أُبقيت نسخة تعارض واحدة", "أُبقيت نسختا تعارض", "أُبقيت %n نسخ تعارض", "أُبقيت %n نسخةَ تعارض", "أُبقيت %n نسخة تعارض"),
}

# English is the source language, but "%n span(s)" needs its two forms too: annotator_en.ts holds only
# these (lupdate -pluralonly), one and other.
ENGLISH_PLURALS = {
    "All %n article(s)": ("All %n article", "All %n articles"),
    "%n span(s)": ("%n span", "%n spans"),
    "%n article(s)": ("%n article", "%n articles"),
    "%n other article(s)": ("%n other article", "%n other articles"),
    "%n pair(s) of articles": ("%n pair of articles", "%n pairs of articles"),
    "%n shared passage(s)": ("%n shared passage", "%n shared passages"),
    "%n place(s)": ("%n place", "%n places"),
    "%n suggestion(s)": ("%n suggestion", "%n suggestions"),
    "%n tag(s)": ("%n tag", "%n tags"),
    "%n match(es)": ("%n match", "%n matches"),
    "%n time(s)": ("%n time", "%n times"),
    "%n waiting": ("%n waiting", "%n waiting"),
    "%n annotation(s)": ("%n annotation", "%n annotations"),
    "%n file(s)": ("%n file", "%n files"),
    "%n chart file(s)": ("%n chart file", "%n chart files"),
    "%n more note(s)": ("%n more note", "%n more notes"),
    "%n relation(s)": ("%n relation", "%n relations"),
    "%n answer(s)": ("%n answer", "%n answers"),
    "%n new article(s)": ("%n new article", "%n new articles"),
    "%n new span(s)": ("%n new span", "%n new spans"),
    "%n span(s) removed": ("%n span removed", "%n spans removed"),
    "%n new assignment(s)": ("%n new assignment", "%n new assignments"),
    "%n new label(s)": ("%n new label", "%n new labels"),
    "%n conflict copy(-ies) kept": ("%n conflict copy kept", "%n conflict copies kept"),
}


def fill(ts_path: Path) -> list[str]:
    """Fill every message of ``ts_path`` from the catalogue of its language; returns those still missing.

    The language is the file's own (``annotator_ar.ts`` or the plural-only ``annotator_en.ts``).
    """
    tree = ET.parse(ts_path)
    language = "en" if ts_path.stem.endswith("_en") else "ar"
    singular, plural = (({}, ENGLISH_PLURALS) if language == "en" else (ARABIC, ARABIC_PLURALS))
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if message.get("numerus") == "yes" and source in plural:
            forms = translation.findall("numerusform")
            if len(forms) != len(plural[source]):
                raise SystemExit(f"{ts_path}: {source!r} has {len(forms)} plural forms, the catalogue "
                                 f"{len(plural[source])}")
            for form, text in zip(forms, plural[source], strict=True):
                form.text = text
            translation.attrib.pop("type", None)
        elif message.get("numerus") != "yes" and source in singular:
            translation.text = singular[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.getroot().set("language", language)
    ET.indent(tree, space="    ")
    with ts_path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return missing


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        untranslated = fill(Path(argument))
        for source in untranslated:
            print(f"untranslated: {source!r}", file=sys.stderr)
        if untranslated:
            sys.exit(1)
