"""The site's own words in Russian and English: navigation, headings, labels of codes and view lines.

These are editorial (the report's words are in the data); each is written once here.
"""

from __future__ import annotations

from ..models import Text

UI: dict[str, tuple[str, str]] = {
    "site": (
        "Рабочая группа по незаконному ввозу мигрантов, седьмое совещание",
        "Working Group on the Smuggling of Migrants, seventh meeting",
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
    "chair": ("Председатель", "Chair"),
    "sessions": ("Заседаний", "Sessions held"),
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
    "introductory": ("вступительное заявление Секретариата", "introduction by the Secretariat"),
    "panel": ("выступление участника дискуссии", "panel presentation"),
    "observer_state": ("государство-наблюдатель", "observer State"),
    "observer_organization": ("организация-наблюдатель", "observer organization"),
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
    "sessions held": "заседаний",
    "chair": "председатель",
    "registered delegates": "зарегистрированные делегаты",
    "report adopted": "доклад утвержден",
    "themes": "темы разделов",
    "paragraphs": "пунктов",
    "statements": "выступлений",
    "documents": "документы",
    "cited from": "пункты доклада",
}


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


def text(value: Text, lang: str) -> str:
    """A text in ``lang``: the English where there is one, else the Russian."""
    return value.get(lang)  # type: ignore[arg-type]
