"""The site's own words in Russian and English: navigation, headings, labels of codes and view lines.

These are editorial (the report's words are in the data); each is written once here.
"""

from __future__ import annotations

import datetime as dt

UI: dict[str, tuple[str, str]] = {
    "site": (
        "Рабочая группа по незаконному ввозу мигрантов, {meeting}",
        "Working Group on the Smuggling of Migrants, {meeting}",
    ),
    "skip": ("Перейти к содержанию", "Skip to content"),
    "meeting": ("Совещание", "The meeting"),
    "recommendations": ("Рекомендации", "Recommendations"),
    "report": ("Доклад", "The report"),
    "actors": ("Государства и организации", "States and organizations"),
    "topics": ("Темы", "Topics"),
    "cite": ("Как цитировать", "How to cite"),
    "nav": ("Разделы сайта", "Site sections"),
    "switch": ("English", "Русский"),
    "switch_label": ("Эта страница на английском языке", "This page in Russian"),
    "unofficial": (
        "",
        "English is an unofficial translation made for this edition; the Russian text of the report is authoritative.",
    ),
    "authoritative": (
        "Русский текст доклада является официальным; английский перевод — неофициальный, редакционный.",
        "",
    ),
    "dates": ("Даты", "Dates"),
    "venue": ("Место", "Venue"),
    "format": ("Формат", "Format"),
    "decided_by": ("решение принято", "decided by"),
    "chair": ("Председатель", "Chair"),
    "sessions": ("Заседаний", "Meetings held"),
    "delegates": ("Зарегистрированные делегаты", "Registered delegates"),
    "adopted": ("Доклад утвержден", "Report adopted"),
    "agenda": ("Повестка дня", "Agenda"),
    "documents": ("Документы", "Documents"),
    "participation": ("Участие по статусу", "Participation by status"),
    "participation_groups": ("Участие по региональным группам и статусу", "Participation by regional group and status"),
    "by_theme": ("Рекомендации по темам и модальности", "Recommendations by theme and modality"),
    "filters": ("Фильтры", "Filters"),
    "all": ("все", "all"),
    "search": ("Поиск", "Search"),
    "search_help": (
        "Все слова обязательны; «фраза» в кавычках; -слово исключает. Русский и английский, по основам слов.",
        'All words are required; "a phrase" in quotes; -word excludes. Russian and English, matched by word stems.',
    ),
    "shown": ("Показано", "Shown"),
    "of": ("из", "of"),
    "theme": ("Тема раздела", "Theme"),
    "topic": ("Тема (редакционная)", "Topic (editorial)"),
    "modality": ("Модальность", "Modality"),
    "specificity": ("Конкретность (редакционная)", "Specificity (editorial)"),
    "sdg_target": ("Задача ЦУР (редакционная)", "SDG target (editorial)"),
    "addressee_kind": ("Адресат", "Addressee"),
    "recommendation": ("Рекомендация", "Recommendation"),
    "text_ru": ("Текст доклада (русский, официальный)", "The report's text (Russian, authoritative)"),
    "text_en": ("Английский (неофициальный перевод)", "English (unofficial translation)"),
    "paragraph": ("Пункт", "Paragraph"),
    "from_paragraph": ("Пункт доклада, из которого взята рекомендация", "The paragraph of the report it comes from"),
    "treaty_refs": ("Ссылки на договоры", "Treaty references"),
    "sdg": ("Задачи целей устойчивого развития (редакционные)", "SDG targets (editorial)"),
    "topic_tags": ("Темы (редакционные)", "Topics (editorial)"),
    "record": ("Запись целиком", "The record in full"),
    "provenance_source": ("в тексте доклада", "stated by the report"),
    "provenance_editorial": ("редакционная связь", "editorial link"),
    "article": ("статья", "article"),
    "status": ("Статус", "Status"),
    "regional_group": ("Региональная группа", "Regional group"),
    "statements": ("Выступления", "Statements"),
    "agenda_items": ("Пункты повестки дня", "Agenda items"),
    "not_stated": ("не указаны", "not stated"),
    "panellists": ("Участники дискуссии", "Panellists"),
    "names": ("Названия на шести языках ООН", "Names in the six UN languages"),
    "states": ("Государства", "States"),
    "organizations": ("Организации", "Organizations"),
    "not_participant": ("Не значится в списке участников", "Not in the list of participants"),
    "definition": ("Определение (редакционное, на английском)", "Definition (editorial)"),
    "count_recs": ("Рекомендаций", "Recommendations"),
    "count_paras": ("Пунктов доклада", "Paragraphs"),
    "chapter": ("Глава", "Chapter"),
    "total": ("Всего", "Total"),
    "numbers": ("Числа", "The numbers"),
    "none_group": ("вне групп", "in no group"),
    "not_state": ("не государство", "not a state"),
    "quote": ("слова текста", "the text's words"),
    "rationale": ("обоснование", "rationale"),
    "speaker_of": ("выступил(а) по пункту", "presented under item"),
    "chair_of": ("Председатель совещания", "Chair of the meeting"),
    "unknown_words": ("Этих слов нет в текстах:", "These words are not in the texts:"),
    "try": ("похожие слова:", "similar words:"),
    "no_query": ("В запросе нет слова для поиска.", "The query has no word to look for."),
    "site_version": ("Версия", "Version"),
    "languages": ("Язык", "Language"),
    "participants_count": ("участников", "participants"),
    "speakers": ("Кто выступал", "Who spoke"),
    "counts": ("В цифрах", "In numbers"),
    "paragraph_one": ("пункт", "paragraph"),
    "paragraph_many": ("пункты", "paragraphs"),
    "item_one": ("пункт повестки дня", "agenda item"),
    "item_many": ("пункты повестки дня", "agenda items"),
    "item_one_on": ("пункту повестки дня", "agenda item"),
    "item_many_on": ("пунктам повестки дня", "agenda items"),
    "agenda_item": ("Пункт повестки дня", "Agenda item"),
    "and": (" и ", " and "),
    "the_report": ("в докладе", "the report"),
    "in_order_of_report": ("в порядке доклада", "in the order of the report"),
    "in_order_en": ("в алфавитном порядке", "in English alphabetical order"),
    "with_panellists": (
        "Государства, выступившие с заявлениями, включая государства участников дискуссии",
        "States that made statements, with the panellists' states",
    ),
    "without_panellists": (
        "Государства, выступившие с заявлениями (без государств участников дискуссии)",
        "States that made statements, without the panellists' states",
    ),
    "speakers_intro": (
        "Кто выступал на совещании, по докладу: участники дискуссии по пунктам повестки дня, "
        "Секретариат, государства — участники Протокола, государства и организации — наблюдатели.",
        "Who spoke at the meeting, as the report says: the panellists on agenda items, the Secretariat, "
        "the parties to the Protocol, and the observer States and organizations.",
    ),
    "panellists_note": (
        "Национальные эксперты, выступившие с докладами по пункту повестки дня.",
        "National experts who presented on an agenda item.",
    ),
    "by_kind": ("Выступления по видам", "Statements by kind"),
    "name": ("Имя", "Name"),
    "position": ("Должность", "Position"),
    "state": ("Государство", "State"),
    "remarks": ("Что сказано", "What they said"),
    "presented": ("Выступления участников дискуссии", "Panel presentations"),
    "taken_up": ("Рассматривался на заседаниях", "Taken up at meetings"),
    "meeting_no": ("заседание", "meeting"),
    "recs_of_topic": ("Рекомендации с этой темой", "Recommendations with this topic"),
    "paras_of_topic": ("Пункты доклада с этой темой", "Paragraphs with this topic"),
    "value": ("Значение", "Value"),
    "number": ("Число", "Number"),
    "by_modality": ("Рекомендации по модальности", "Recommendations by modality"),
    "by_topic": ("Рекомендации по темам (редакционным)", "Recommendations by topic (editorial)"),
    "by_specificity": ("Рекомендации по конкретности (редакционной)", "Recommendations by specificity (editorial)"),
    "by_theme_only": ("Рекомендации по темам разделов", "Recommendations by theme"),
    "counts_intro": (
        "Сколько рекомендаций имеет каждое значение; у каждой таблицы ссылки ведут к отфильтрованному списку.",
        "How many recommendations have each value; each row links to the list filtered by it.",
    ),
    "tags_note": (
        "У рекомендации может быть несколько тем, поэтому сумма больше числа рекомендаций.",
        "A recommendation may have several topics, so the counts add up to more than the recommendations.",
    ),
    "cited_in": ("Где упомянут", "Where it is named"),
    "name_then": ("Название в 2020 году", "Name in 2020"),
    "name_changed": ("Название изменено", "Name changed"),
    "record_full": ("Запись целиком (как в командной строке)", "The record in full (as the command line shows it)"),
    "about_n": ("около {n}", "about {n}"),
    "on": ("по", "on"),
    "lang_ar": ("арабский", "Arabic"),
    "lang_zh": ("китайский", "Chinese"),
    "lang_en": ("английский", "English"),
    "lang_fr": ("французский", "French"),
    "lang_ru": ("русский", "Russian"),
    "lang_es": ("испанский", "Spanish"),
}

CODES: dict[str, tuple[str, str]] = {
    "crises": ("Стихийные бедствия, конфликты и кризисы", "Disasters, conflicts and crises"),
    "technology": ("Технические средства и киберпространство", "Technology and cyberspace"),
    "should": ("«следует»", "should"),
    "encouraged": ("«рекомендуется»", "encouraged"),
    "may_wish": ("«возможно, пожелают»", "may wish"),
    "party": ("Участники Протокола", "Parties to the Protocol"),
    "signatory": ("Государства, подписавшие Протокол (наблюдатели)", "Signatory States (observers)"),
    "non_party": ("Государства, не являющиеся участниками Протокола (наблюдатели)", "Non-party States (observers)"),
    "organization": ("Организации (наблюдатели)", "Organizations (observers)"),
    "permanent_observer": ("Постоянный наблюдатель", "Permanent observer"),
    "african": ("Группа африканских государств", "African States"),
    "asia_pacific": ("Группа азиатско-тихоокеанских государств", "Asia-Pacific States"),
    "eastern_european": ("Группа восточноевропейских государств", "Eastern European States"),
    "latin_american_caribbean": (
        "Группа государств Латинской Америки и Карибского бассейна",
        "Latin American and Caribbean States",
    ),
    "western_european_other": ("Группа западноевропейских и других государств", "Western European and other States"),
    "none": ("вне региональных групп", "in no group"),
    "not a state": ("не государства", "not states"),
    "in_person": ("очный", "in person"),
    "online": ("онлайн", "online"),
    "hybrid": ("гибридный (очно и онлайн)", "hybrid (in person and online)"),
    "states_parties": ("государства-участники", "States parties"),
    "states": ("государства", "States"),
    "states_with_international_support": (
        "государства при международной поддержке",
        "States, with international support",
    ),
    "statement:introductory": ("вступительное заявление Секретариата", "introduction by the Secretariat"),
    "statement:panel": ("выступление участника дискуссии", "panel presentation"),
    "statement:party": ("заявление участника Протокола", "statement by a party"),
    "statement:observer_state": ("заявление государства-наблюдателя", "statement by an observer State"),
    "statement:observer_organization": ("заявление организации-наблюдателя", "statement by an observer organization"),
    "convention": ("Конвенция против транснациональной организованной преступности", "Organized Crime Convention"),
    "smuggling_protocol": ("Протокол против незаконного ввоза мигрантов", "Smuggling of Migrants Protocol"),
    "1": ("1 — обмен информацией, сотрудничество", "1 — share information, cooperate"),
    "2": ("2 — продолжать", "2 — continue"),
    "3": ("3 — рассмотреть", "3 — consider"),
    "4": ("4 — общее действие", "4 — general action"),
    "5": ("5 — конкретная мера", "5 — a specific measure"),
}

#: Russian labels for the lines of the record views (:mod:`smuggling_wg._views`).
LABELS_RU: dict[str, str] = {
    "no.": "№",
    "theme": "тема раздела",
    "modality": "модальность",
    "text": "текст",
    "para": "пункт",
    "addressee": "адресат",
    "text (ru, the report)": "текст (рус., доклад)",
    "text (en, editorial)": "текст (англ., редакционный)",
    "topics (editorial)": "темы (редакционные)",
    "treaty references": "ссылки на договоры",
    "SDG targets (editorial)": "задачи ЦУР (редакционные)",
    "specificity (editorial)": "конкретность (редакционная)",
    "addressee kind (editorial)": "вид адресата (редакционный)",
    "chapter": "глава",
    "id": "код",
    "name": "название",
    "regional group": "региональная группа",
    "m49": "M49",
    "kind": "вид",
    "name (ru, the report)": "название (рус., доклад)",
    "name (en, UN short name)": "название (англ., краткое название ООН)",
    "name (en, official name)": "название (англ., официальное)",
    "ISO alpha-2": "ISO alpha-2",
    "group note": "примечание о группе",
    "UN name (ar)": "название ООН (араб.)",
    "UN name (zh)": "название ООН (кит.)",
    "UN name (en)": "название ООН (англ.)",
    "UN name (fr)": "название ООН (франц.)",
    "UN name (ru)": "название ООН (рус.)",
    "UN name (es)": "название ООН (исп.)",
    "participation": "участие",
    "acronym": "аббревиатура",
    "note": "примечание (редакционное)",
    "label": "название",
    "definition (editorial)": "определение (редакционное)",
    "number": "номер",
    "city": "город",
    "dates": "даты",
    "recommendations": "рекомендаций",
    "participants": "участников",
    "title": "название",
    "body": "орган",
    "format": "формат",
    "meetings held": "заседаний",
    "chair": "председатель",
    "registered delegates": "зарегистрированные делегаты",
    "report adopted": "доклад утвержден",
    "themes": "темы разделов",
    "paragraphs": "пунктов",
    "statements": "выступлений",
    "documents": "документы",
    "cited from": "пункты доклада",
}


MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
}


def dates(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A day or a span of days in words: '8–9 September 2020', «8–9 сентября 2020 года»."""
    end = end or start
    month = MONTHS["en" if lang == "en" else "ru"]
    year = "" if lang == "en" else " года"
    if (start.year, start.month) == (end.year, end.month):
        days = str(start.day) if start == end else f"{start.day}–{end.day}"
        return f"{days} {month[start.month - 1]} {start.year}{year}"
    if start.year == end.year:
        return f"{start.day} {month[start.month - 1]} – {end.day} {month[end.month - 1]} {end.year}{year}"
    return f"{dates(start, None, lang)} – {dates(end, None, lang)}"


def ordinal(n: int, lang: str) -> str:
    """'7th', «7-е»."""
    if lang != "en":
        return f"{n}-е"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def meeting_title(n: int, lang: str) -> str:
    """The Working Group's meeting: '7th meeting', «7-е совещание»."""
    return f"{ordinal(n, lang)} {'meeting' if lang == 'en' else 'совещание'}"


def sitting_title(n: int, lang: str) -> str:
    """One numbered meeting within it (an заседание): '2nd meeting', «2-е заседание»."""
    return f"{ordinal(n, lang)} {'meeting' if lang == 'en' else 'заседание'}"


def site_name(n: int, lang: str) -> str:
    """The site's name: the body and the meeting in words."""
    return ui("site", lang).format(meeting=meeting_title(n, lang))


def ui(key: str, lang: str) -> str:
    """One of the site's words in ``lang``."""
    ru, en = UI[key]
    return en if lang == "en" else ru


def code(value: object, lang: str) -> str:
    """A code (status, modality, group...) as a person reads it; unknown codes as they are."""
    pair = CODES.get(str(value))
    return str(value) if pair is None else (pair[1] if lang == "en" else pair[0])


def label(view_label: str, lang: str) -> str:
    """A view line's label in ``lang`` (the views' own labels are English)."""
    return view_label if lang == "en" else LABELS_RU.get(view_label, view_label)
