"""The one catalogue of words: every code value, field and view label, heading and unit, in Russian and English.

Every surface (the summary, the command's tables, the notebook, the web edition, the MCP
text, the AKN labels, the generated docs) takes the words it shows from here, so that the
same code reads the same everywhere. Entries are keyed by the ``Literal`` values of
:mod:`smuggling_wg.models` (grouped by *kind*: the field or ``Literal`` they belong to) and
by field names. The words follow the report: paragraph 27 lists the parties to the
**Protocol** («участники Протокола»), paragraph 18 says the meeting was held «в смешанном
формате (в очном и онлайновом режиме)», paragraphs 21-22 name «члены дискуссионной группы».

Words are editorial (the report's own words are in the data). This module is pure data and
small functions: it imports nothing above the bottom layer and does no I/O.

```python
>>> from datetime import date
>>> code("status", "party", "en", plural=True)
'parties to the Protocol'
>>> meeting_title(7, "ru"), dates(date(2020, 9, 8), date(2020, 9, 9), "en")
('7-е совещание', '8–9 September 2020')
>>> items([3, 2], "ru"), paras([21, 6, 9], "en")
('пункты 2 и 3', 'paras 6, 9 and 21')

```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final, TypeAlias

from ._language import Lang

__all__ = [
    "CODES",
    "LABELS",
    "Lang",
    "capital",
    "code",
    "codes",
    "collation_key",
    "dates",
    "day",
    "items",
    "join",
    "label",
    "meeting_title",
    "ordinal",
    "paras",
    "quote",
    "sorted_by_name",
]

#: One entry: (Russian, English), or (Russian, English, Russian plural, English plural).
Words: TypeAlias = tuple[str, str] | tuple[str, str, str, str]

_OBSERVER = ("(наблюдатель)", "(observer)", "(наблюдатели)", "(observers)")

#: The words of every code value, by kind (the field or ``Literal`` the value belongs to), then value.
CODES: Final[dict[str, dict[str, Words]]] = {
    # models.ParticipationStatus: paras 27 (parties to the Protocol), 28, 29, 30 and 31
    "status": {
        "party": ("участник Протокола", "party to the Protocol", "участники Протокола", "parties to the Protocol"),
        "signatory": (
            "государство, подписавшее Протокол (наблюдатель)",
            "signatory State (observer)",
            "государства, подписавшие Протокол (наблюдатели)",
            "signatory States (observers)",
        ),
        "non_party": (
            "государство, не являющееся участником Протокола (наблюдатель)",
            "State not party to the Protocol (observer)",
            "государства, не являющиеся участниками Протокола (наблюдатели)",
            "States not party to the Protocol (observers)",
        ),
        "organization": (
            "межправительственная организация или подразделение Организации Объединенных Наций (наблюдатель)",
            "intergovernmental organization or United Nations entity (observer)",
            "межправительственные организации и подразделения Организации Объединенных Наций (наблюдатели)",
            "intergovernmental organizations and United Nations entities (observers)",
        ),
        "permanent_observer": (
            "организация, имеющая постоянное бюро наблюдателя",
            "organization maintaining a permanent observer office",
            "организации, имеющие постоянное бюро наблюдателя",
            "organizations maintaining a permanent observer office",
        ),
    },
    # models.Modality: the report's verbs
    "modality": {
        "should": ("следует", "should"),
        "encouraged": ("рекомендуется", "encouraged"),
        "may_wish": ("возможно, пожелают", "may wish"),
    },
    # models.MeetingFormat: para 18 «в смешанном формате (в очном и онлайновом режиме)»
    "format": {
        "in_person": ("в очном формате", "in person"),
        "online": ("в онлайновом режиме", "online"),
        "hybrid": ("в смешанном формате (в очном и онлайновом режиме)", "hybrid (in person and online)"),
    },
    # models.ActorKind
    "kind": {
        "state": ("государство", "State", "государства", "States"),
        "regional_economic_integration_organization": (
            "организация региональной экономической интеграции",
            "regional economic integration organization",
            "организации региональной экономической интеграции",
            "regional economic integration organizations",
        ),
        "intergovernmental_organization": (
            "межправительственная организация",
            "intergovernmental organization",
            "межправительственные организации",
            "intergovernmental organizations",
        ),
        "united_nations_entity": (
            "подразделение Организации Объединенных Наций",
            "United Nations entity",
            "подразделения Организации Объединенных Наций",
            "United Nations entities",
        ),
        "permanent_observer_entity": (
            "организация, имеющая постоянное бюро наблюдателя",
            "organization maintaining a permanent observer office",
            "организации, имеющие постоянное бюро наблюдателя",
            "organizations maintaining a permanent observer office",
        ),
        "secretariat": ("Секретариат", "Secretariat", "Секретариат", "Secretariat"),
    },
    # models.StatementKind: paras 20, 21-22 (the panel), 23, 24, 25
    "statement_kind": {
        "introductory": ("вступительное заявление Секретариата", "introductory statement by the Secretariat"),
        "panel": ("выступление члена дискуссионной группы", "presentation by a panellist"),
        "party": ("заявление участника Протокола", "statement by a party to the Protocol"),
        "observer_state": ("заявление государства-наблюдателя", "statement by an observer State"),
        "observer_organization": ("заявление организации-наблюдателя", "statement by an observer organization"),
    },
    # models.Speaker.role: paras 21-22 «члены дискуссионной группы»
    "role": {"panellist": ("член дискуссионной группы", "panellist", "члены дискуссионной группы", "panellists")},
    # models.Specificity.level (editorial, 1-5)
    "specificity": {
        "1": ("обмен информацией, сотрудничество", "share information or cooperate"),
        "2": ("продолжать", "continue"),
        "3": ("рассмотреть", "consider"),
        "4": ("общее действие", "general action"),
        "5": ("конкретная мера", "a specific measure"),
    },
    # models.Origin: where a field's values come from
    "origin": {
        "report": ("доклад", "the report"),
        "editorial": ("редакционное", "editorial"),
        "reference": ("справочное", "reference"),
        "mixed": ("по записи", "record by record"),
    },
    # models.Standing: what a paragraph is, as the report states it (paras 3, 4 and 34)
    "standing": {
        "adopted": ("принято Рабочей группой", "adopted by the Working Group"),
        "chair_summary": ("резюме Председателя, не утверждалось", "the Chair's summary, not adopted"),
        "proceedings": ("изложение хода совещания в докладе", "the report's account of proceedings"),
    },
    # models.AgendaAttribution: of whom the report states a statement's agenda items (para 23)
    "agenda_attribution": {
        "individual": ("сказано о самом выступлении", "said of the statement itself"),
        "group": ("сказано о группе выступавших", "said of the group"),
    },
    # models.DateBasis: how a numbered meeting's date is known
    "date_basis": {
        "stated": ("указана в докладе", "stated by the report"),
        "inferred": ("выведена из дат доклада", "inferred from the report's dates"),
    },
    # models.Provenance: of a link (treaty reference, SDG target)
    "provenance": {
        "source": ("в тексте доклада", "stated by the report"),
        "editorial": ("редакционная связь", "editorial link"),
    },
    # models.Text.en_origin
    "en_origin": {
        "unofficial_translation": ("неофициальный перевод", "unofficial translation"),
        "un_official": ("официальный текст ООН", "official UN text"),
    },
    # the themes (chapter sections) of the recommendations, by theme id
    "theme": {
        "crises": ("Стихийные бедствия, конфликты и кризисы", "Disasters, conflicts and crises"),
        "technology": ("Технические средства и киберпространство", "Technology and cyberspace"),
    },
    # models.RegionalGroup (and "none": a state in no group)
    "regional_group": {
        "african": ("Группа африканских государств", "African States"),
        "asia_pacific": ("Группа азиатско-тихоокеанских государств", "Asia-Pacific States"),
        "eastern_european": ("Группа восточноевропейских государств", "Eastern European States"),
        "latin_american_caribbean": (
            "Группа государств Латинской Америки и Карибского бассейна",
            "Latin American and Caribbean States",
        ),
        "western_european_other": (
            "Группа западноевропейских и других государств",
            "Western European and other States",
        ),
        "none": ("вне региональных групп", "in no regional group"),
        "not a state": ("не государства", "not states"),  # the participation table's row of organizations
    },
    # models.AddresseeKind (editorial)
    "addressee_kind": {
        "states_parties": ("государства-участники", "States parties"),
        "states": ("государства", "States"),
        "states_with_international_support": (
            "государства при международной поддержке",
            "States, with international support",
        ),
    },
    # models.InstrumentId
    "instrument": {
        "convention": ("Конвенция против транснациональной организованной преступности", "Organized Crime Convention"),
        "smuggling_protocol": ("Протокол против незаконного ввоза мигрантов", "Smuggling of Migrants Protocol"),
    },
    # models.UnLanguage (the six UN languages) and the languages of the data
    "language": {
        "ar": ("арабский", "Arabic"),
        "zh": ("китайский", "Chinese"),
        "en": ("английский", "English"),
        "fr": ("французский", "French"),
        "ru": ("русский", "Russian"),
        "es": ("испанский", "Spanish"),
    },
    # a language named briefly, after a label: "name (ar)" / «название (араб.)»
    "language_abbr": {
        "ar": ("араб.", "ar"),
        "zh": ("кит.", "zh"),
        "en": ("англ.", "en"),
        "fr": ("франц.", "fr"),
        "ru": ("рус.", "ru"),
        "es": ("исп.", "es"),
    },
    # search.Kind: what a search hit is
    "record_kind": {
        "recommendation": ("рекомендация", "recommendation", "рекомендации", "recommendations"),
        "paragraph": ("пункт доклада", "paragraph", "пункты доклада", "paragraphs"),
        "speaker": ("член дискуссионной группы", "panellist", "члены дискуссионной группы", "panellists"),
        "agenda_item": ("пункт повестки дня", "agenda item", "пункты повестки дня", "agenda items"),
        "theme": ("тема раздела", "theme", "темы разделов", "themes"),
    },
}

#: Field and view labels, headings and units, keyed by field names (lower case where a label can
#: stand inside a sentence; :func:`capital` makes a heading of it).
LABELS: Final[dict[str, Words]] = {
    # what an Akoma Ntoso body says of a meeting whose data holds no chapter (the data is silent, not the report)
    "no_report_text": ("В данных нет текста доклада.", "The data holds no text of the report."),
    # fields of the records
    "number": ("№", "no."),
    "theme": ("тема раздела", "theme", "темы разделов", "themes"),
    "modality": ("модальность", "modality"),
    "text": ("текст", "text"),
    "source": ("пункт", "para", "пункты", "paras"),
    "addressee": ("адресат", "addressee"),
    "topics": ("темы", "topics"),
    "topic": ("тема", "topic", "темы", "topics"),
    "treaty_refs": ("ссылки на договоры", "treaty references"),
    "sdg_targets": ("задачи ЦУР", "SDG targets"),
    "sdg_target": ("задача ЦУР", "SDG target"),
    "specificity": ("конкретность", "specificity"),
    "addressee_kind": ("вид адресата", "addressee kind"),
    "instrument": ("договор", "instrument"),
    "article": ("статья", "article", "статьи", "articles"),
    "chapter": ("глава", "chapter"),
    "section": ("раздел", "section"),
    "order": ("№", "no."),
    "name": ("название", "name"),
    "position": ("должность", "position"),
    "actor": ("код", "actor"),
    "country": ("страна", "country"),
    "agenda_item": ("пункт повестки дня", "agenda item", "пункты повестки дня", "agenda items"),
    "agenda_items": ("пункты повестки дня", "agenda items"),
    "regional_group": ("региональная группа", "regional group"),
    "role": ("роль", "role"),
    "kind": ("вид", "kind"),
    "statement_kind": ("вид выступления", "kind of statement"),
    "as_written": ("как в докладе", "as written"),
    "standing": ("статус в докладе", "standing"),
    "agenda_attribution": ("чьи пункты повестки дня", "agenda items of whom"),
    "status": ("статус", "status"),
    "id": ("код", "id"),
    "m49": ("M49", "M49"),
    "alpha2": ("ISO alpha-2", "ISO alpha-2"),
    "regional_group_note": ("примечание о группе", "group note"),
    "un_name": ("название ООН", "UN name"),
    "names": ("названия на шести языках ООН", "names in the six UN languages"),
    "participation": ("участие", "participation"),
    "acronym": ("аббревиатура", "acronym"),
    "note": ("примечание", "note"),
    "former_names": ("прежние названия", "former names"),
    "until": ("до", "until"),
    "label": ("название", "label"),
    "definition": ("определение", "definition"),
    "title": ("название", "title"),
    "sub_items": ("подпункты", "sub-items"),
    "symbol": ("условное обозначение", "symbol"),
    "url": ("адрес", "URL"),
    "snippet": ("фрагмент", "snippet"),
    "score": ("оценка", "score"),
    "record": ("запись", "record", "записи", "records"),
    "language": ("язык", "language"),
    "data_version": ("версия данных", "data version"),
    "meeting": ("совещание", "meeting", "совещания", "meetings"),
    "meetings": ("совещания", "meetings"),
    "recommendation": ("рекомендация", "recommendation", "рекомендации", "recommendations"),
    "recommendations": ("рекомендации", "recommendations"),
    "paragraph": ("пункт", "paragraph", "пункты", "paragraphs"),
    "paragraphs": ("пункты доклада", "paragraphs"),
    "actors": ("государства и организации", "states and organizations"),
    "states": ("государства", "States"),
    "organizations": ("организации", "organizations"),
    "statements": ("выступления", "statements"),
    "speakers": ("члены дискуссионной группы", "panellists"),
    "panellists": ("члены дискуссионной группы", "panellists"),
    "chair": ("председатель", "chair"),
    "profile": ("профиль", "profile"),
    "cited_from": ("пункты доклада", "cited from"),
    "city": ("город", "city"),
    "dates": ("даты", "dates"),
    "participants": ("участники", "participants"),
    "body": ("орган", "body"),
    "format": ("формат", "format"),
    "meetings_held": ("заседаний", "meetings held"),
    "registered_delegates": ("зарегистрированные делегаты", "registered delegates"),
    "adopted_on": ("доклад утвержден", "report adopted"),
    "themes": ("темы разделов", "themes"),
    "documents": ("документы", "documents"),
    "agenda": ("повестка дня", "agenda"),
    "field": ("поле", "field"),
    "value": ("значение", "value"),
    "origin": ("происхождение", "origin"),
    "name_at_meeting": ("название на момент совещания", "name at the meeting"),
    "count": ("число", "count"),
    # the caption of counts and cross-tabs: what is counted, by one dimension or by two
    "counted_recommendations": (
        "Число рекомендаций по признаку: {dimensions}",
        "Recommendations by {dimensions}",
        "Число рекомендаций по признакам: {dimensions}",
        "Recommendations by {dimensions}",
    ),
    "counted_participants": (
        "Число участников по признаку: {dimensions}",
        "Participants by {dimensions}",
        "Число участников по признакам: {dimensions}",
        "Participants by {dimensions}",
    ),
    "total": ("всего", "total"),
    "rationale": ("обоснование", "rationale"),
    "quote": ("слова текста", "the text's words"),
    "item": ("пункт", "item", "пункты", "items"),
    "para": ("пункт", "para", "пункты", "paras"),
    "para_short": ("п.", "para", "пп.", "paras"),
    # whose words a value is, after a label: "text (ru, the report)", "topics (editorial)"
    "whose_report": ("доклад", "the report"),
    "whose_editorial": ("ред.", "editorial"),
    "whose_reference": ("справ.", "reference"),
    "whose_un_short_name": ("краткое название ООН", "UN short name"),
    "whose_official_name": ("официальное название", "official name"),
    "the_report_words": ("слова доклада", "the report's words"),
    "not_stated": ("не указаны", "not stated"),
    "none": ("нет", "none"),
    "not_a_state": ("не государство", "not a state", "не государства", "not states"),
    "observers": ("наблюдатели", "observers"),
    "changed_on": ("название изменено {date}", "name changed on {date}"),
    # the web edition's navigation and headings
    "site": (
        "Рабочая группа по незаконному ввозу мигрантов, {meeting}",
        "Working Group on the Smuggling of Migrants, {meeting}",
    ),
    "skip": ("Перейти к содержанию", "Skip to content"),
    "the_meeting": ("Совещание", "The meeting"),
    "report": ("Доклад", "The report"),
    "cite": ("Как цитировать", "How to cite"),
    "nav": ("Разделы сайта", "Site sections"),
    "menu": ("Меню", "Menu"),
    "switch": ("English", "Русский"),
    "switch_label": ("Эта страница на английском языке", "This page in Russian"),
    "unofficial": (
        "Английский перевод неофициальный, редакционный; официальным является русский текст доклада.",
        "English is an unofficial translation made for this edition; the Russian text of the report is authoritative.",
    ),
    "authoritative": (
        "Русский текст доклада является официальным; английский перевод — неофициальный, редакционный.",
        "The Russian text of the report is authoritative; the English translation is unofficial and editorial.",
    ),
    "venue": ("место", "venue"),
    "decided_by": ("решение принято", "decided by"),
    "participation_by_status": ("участие по статусу", "participation by status"),
    "participation_by_group": (
        "участие по региональным группам и статусу",
        "participation by regional group and status",
    ),
    "by_theme": ("рекомендации по темам и модальности", "recommendations by theme and modality"),
    "filters": ("фильтры", "filters"),
    "all": ("все", "all"),
    "search": ("поиск", "search"),
    "search_help": (
        "Спросите своими словами; «фраза» в кавычках и +слово обязательны; -слово исключает. По основам слов.",
        'Ask in your own words; "a phrase" in quotes and +word are required; -word excludes. Matched by word stems.',
    ),
    "search_all": ("поиск по сайту", "search the site"),
    "search_box": ("спросите или найдите", "ask or search"),
    "search_everywhere": ("искать во всех записях сайта", "search every record of the site"),
    "found": ("найдено", "found"),
    "ignored_words": ("не учтены (служебные и вопросительные слова):", "left out (stop and question words):"),
    "removed_by": ("исключено оператором", "removed by"),
    "expanded_via": ("найдено также как (редакционная эквивалентность):", "also found as (editorial equivalence):"),
    "kind_first": ("сначала:", "first:"),
    "kind_recommendation": ("рекомендация", "recommendation"),
    "kind_paragraph": ("пункт доклада", "paragraph"),
    "kind_speaker": ("участник дискуссии", "panellist"),
    "kind_agenda_item": ("пункт повестки дня", "agenda item"),
    "kind_theme": ("тема раздела", "theme"),
    "shown": ("показано", "shown"),
    "of": ("из", "of"),
    "text_ru": ("текст доклада (русский, официальный)", "the report's text (Russian, authoritative)"),
    "text_en": ("английский (неофициальный перевод)", "English (unofficial translation)"),
    "from_paragraph": ("пункт доклада, из которого взята рекомендация", "the paragraph of the report it comes from"),
    "record_in_full": ("запись целиком", "the record in full"),
    "not_participant": ("не значится в списке участников", "not in the list of participants"),
    "count_recs": ("рекомендаций", "recommendations"),
    "count_paras": ("пунктов доклада", "paragraphs"),
    "numbers": ("числа", "the numbers"),
    "speaker_of": ("выступил(а) по пункту", "presented under item"),
    "chair_of": ("председатель совещания", "chair of the meeting"),
    "unknown_words": ("Этих слов нет в текстах:", "These words are not in the texts:"),
    "try": ("похожие слова:", "similar words:"),
    "no_query": ("В запросе нет слова для поиска.", "The query has no word to look for."),
    # the limits of _loader.check_query: the page puts the numbers for {n} and {limit}
    "query_chars": ("Знаков в запросе: {n}; предел — {limit}.", "The query has {n} characters; the limit is {limit}."),
    "query_words": ("Слов в запросе: {n}; предел — {limit}.", "The query has {n} words; the limit is {limit}."),
    "site_version": ("версия", "version"),
    "report_order": ("в порядке доклада", "in the order of the report"),
    # the web edition's pages of who spoke, agenda items, topics and counts
    "who_spoke": ("кто выступал", "who spoke"),
    "in_numbers": ("в цифрах", "in numbers"),
    "speakers_intro": (
        "Кто выступал на совещании, по докладу: члены дискуссионной группы по пунктам повестки дня, "
        "Секретариат, государства — участники Протокола, государства и организации — наблюдатели.",
        "Who spoke at the meeting, as the report says: the panellists on agenda items, the Secretariat, "
        "the parties to the Protocol, and the observer States and organizations.",
    ),
    "without_panellists": (
        "государства, выступившие с заявлениями, без государств членов дискуссионной группы",
        "States that made statements, without the panellists' States",
    ),
    "with_panellists": (
        "государства, выступившие с заявлениями, включая государства членов дискуссионной группы",
        "States that made statements, with the panellists' States",
    ),
    "panellists_note": (
        "Национальные эксперты, выступившие с докладами по пункту повестки дня.",
        "National experts who presented on an agenda item.",
    ),
    "by_kind": ("выступления по видам", "statements by kind"),
    "person": ("имя", "name"),
    "state": ("государство", "State"),
    "presented": ("выступления членов дискуссионной группы", "panel presentations"),
    "taken_up": ("рассматривался на заседаниях", "taken up at meetings"),
    "agenda_item_on": ("пункту повестки дня", "agenda item", "пунктам повестки дня", "agenda items"),
    "on": ("по", "on"),
    "and": ("и", "and"),
    "about_n": ("около {n}", "about {n}"),
    "recs_of_topic": ("рекомендации с этой темой", "recommendations with this topic"),
    "paras_of_topic": ("пункты доклада с этой темой", "paragraphs with this topic"),
    "counts_intro": (
        "Сколько рекомендаций имеет каждое значение; каждая строка ведет к списку, отфильтрованному по ней.",
        "How many recommendations have each value; each row links to the list filtered by it.",
    ),
    "tags_note": (
        "У рекомендации может быть несколько тем, поэтому сумма больше числа рекомендаций.",
        "A recommendation may have several topics, so the counts add up to more than the recommendations.",
    ),
    "by_theme_only": ("рекомендации по темам разделов", "recommendations by theme"),
    "by_modality": ("рекомендации по модальности", "recommendations by modality"),
    "by_topic": ("рекомендации по темам", "recommendations by topic"),
    "by_specificity": ("рекомендации по конкретности", "recommendations by specificity"),
    "in_alphabetical_order": ("в алфавитном порядке", "in alphabetical order"),
    "english_only": (
        "Названия статей, тексты задач ЦУР и редакционные обоснования есть только на английском языке.",
        "Article titles, SDG targets and editorial rationales exist only in English.",
    ),
    "record_full": (
        "запись целиком, как в командной строке",
        "the record in full, as the command line shows it",
    ),
    "said_of_meetings": ("сказано о заседаниях вместе", "said of these meetings together"),
    "sitting": ("заседание", "meeting"),
    # the web edition's series page (_site/_series.py): every meeting loaded
    "series": (
        "Рабочая группа по незаконному ввозу мигрантов: совещания",
        "Working Group on the Smuggling of Migrants: meetings",
    ),
    "series_meetings": ("совещания", "the meetings"),
    "series_themes": ("рекомендации по темам во всех совещаниях", "recommendations by theme across the meetings"),
    "series_meeting": ("совещание", "meeting"),
    "series_theme_of": ("тема раздела в совещаниях", "the theme of a section in meetings"),
    # the summary of a meeting (smuggling-wg summary)
    "of_the_working_group": ("{meeting} Рабочей группы", "{meeting} of the Working Group"),
    "meetings_held_n": ("заседаний: {n}", "{n} meetings held"),
    "adopted_on_day": ("доклад утвержден {date}", "report adopted on {date}"),
    "summary_recommendations": ("Рекомендации: {n}", "Recommendations: {n}"),
    "summary_theme": (
        "Раздел {section}: {n} (рекомендации {span}), {title}",
        "Section {section}: {n} (recommendations {span}), {title}",
    ),
    "summary_modality": ("Сила формулировки: {counts}", "How strongly put: {counts}"),
    "summary_statements": (
        "Государства, выступившие с заявлениями: {n}; вместе с государствами членов дискуссионной группы: {m}",
        "States that made statements: {n}; with the panellists' states: {m}",
    ),
    "summary_panel_only": (
        "Только государства членов дискуссионной группы: {names}",
        "Panellists' states only: {names}",
    ),
    "summary_also": ("Также выступили: {name} ({kind})", "Also spoke: {name} ({kind})"),
    "summary_participation": ("Участники: {n}", "Participants: {n}"),
    "summary_not_states": ("(из них не государства: {names})", "(of them not a state: {names})"),
    "summary_next": ("Далее", "Next"),
    "search_example": ("цифровые доказательства", "digital evidence"),
}

_MONTHS: Final[dict[Lang, tuple[str, ...]]] = {
    "en": tuple(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
    "ru": tuple(
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ]
    ),
}
_AND: Final[dict[Lang, str]] = {"ru": "и", "en": "and"}
_QUOTES: Final[dict[Lang, tuple[str, str]]] = {"ru": ("«", "»"), "en": ("“", "”")}


def _lang(lang: object) -> Lang:
    if lang == "ru" or lang == "en":
        return lang
    from ._language import lang_of

    return lang_of(lang)


def _pick(words: Words, lang: Lang, plural: bool) -> str:
    index = (0 if lang == "ru" else 1) + (2 if plural and len(words) == 4 else 0)
    return words[index]


def codes(kind: str) -> dict[str, Words]:
    """Every value of ``kind`` with its words; an unknown kind is an InvalidFilter naming the kinds."""
    found = CODES.get(kind)
    if found is None:
        from .errors import InvalidFilter

        raise InvalidFilter("kind of code", kind, CODES)
    return found


def code(kind: str, value: object, lang: Lang, *, plural: bool = False) -> str:
    """The words for code ``value`` of ``kind`` (``"status"``, ``"modality"``, ...) in ``lang``.

    ``plural``: the words for several (a heading over a list: "parties to the Protocol").
    An unknown kind or value is an :class:`~smuggling_wg.errors.InvalidFilter` naming the valid ones.
    """
    values = codes(kind)
    words = values.get(str(value))
    if words is None:
        from .errors import InvalidFilter

        raise InvalidFilter(kind, value, values)
    return _pick(words, _lang(lang), plural)


def label(name: str, lang: Lang, *, plural: bool = False) -> str:
    """The label of field or view line ``name`` (a heading, a unit) in ``lang``; NotFound if there is none."""
    words = LABELS.get(name)
    if words is None:
        from .errors import NotFound

        raise NotFound("label", name, LABELS)
    return _pick(words, _lang(lang), plural)


def capital(text: str) -> str:
    """``text`` with its first letter a capital (a label as a heading)."""
    return text[:1].upper() + text[1:]


def quote(text: str, lang: Lang) -> str:
    """``text`` in the quotation marks of ``lang``: «...» or “...”."""
    left, right = _QUOTES[_lang(lang)]
    return f"{left}{text}{right}"


def ordinal(number: int, lang: Lang) -> str:
    """'7th' / '7-е' (the neuter of «совещание»)."""
    if _lang(lang) == "ru":
        return f"{number}-е"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def meeting_title(number: int, lang: Lang) -> str:
    """'7th meeting' / «7-е совещание»."""
    return f"{ordinal(number, lang)} {'совещание' if _lang(lang) == 'ru' else 'meeting'}"


def day(when: dt.date, lang: Lang) -> str:
    """'9 September 2020' / «9 сентября 2020 года», whatever the locale."""
    lang = _lang(lang)
    return f"{when.day} {_MONTHS[lang][when.month - 1]} {when.year}" + (" года" if lang == "ru" else "")


def dates(start: dt.date, end: dt.date | None, lang: Lang) -> str:
    """A span of days in words: '8–9 September 2020', '30 May – 1 June 2012' / «8–9 сентября 2020 года»."""
    lang = _lang(lang)
    if end is None or end == start:
        return day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day(end, lang)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[lang][start.month - 1]} – {day(end, lang)}"
    return f"{day(start, lang)} – {day(end, lang)}"


def join(parts: Iterable[object], lang: Lang) -> str:
    """'a, b and c' / «a, b и c»."""
    words = [str(p) for p in parts]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_AND[_lang(lang)]} {words[-1]}"


def _numbered(unit: str, numbers: Iterable[int], lang: Lang) -> str:
    found = sorted(set(numbers))
    return f"{label(unit, lang, plural=len(found) > 1)} {join(found, lang)}" if found else ""


def items(numbers: Sequence[int], lang: Lang) -> str:
    """Agenda items: 'item 2', 'items 2 and 3' / «пункт 2», «пункты 2 и 3»; empty for none."""
    return _numbered("item", numbers, lang)


def paras(numbers: Iterable[int], lang: Lang, *, short: bool = False) -> str:
    """Paragraphs: 'para 3', 'paras 6, 9 and 21' / «пункт 3», «пункты 6, 9 и 21» (``short``: «п. 3», «пп. 6 и 9»)."""
    return _numbered("para_short" if short else "para", numbers, lang)


# --- collation: each language in its own alphabetical order -------------------------------


def collation_key(text: str, lang: Lang) -> tuple[str, str]:
    """A key that sorts names in ``lang``'s alphabetical order (case and accents second; «ё» as «е»)."""
    import unicodedata  # only when sorting

    folded = text.casefold()
    if _lang(lang) == "ru":  # й is a letter of its own, ё sorts as е
        return folded.replace("ё", "е"), text
    base = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return base, text


def sorted_by_name(names: Iterable[str], lang: Lang) -> list[str]:
    """``names`` in ``lang``'s alphabetical order."""
    return sorted(names, key=lambda name: collation_key(name, lang))
