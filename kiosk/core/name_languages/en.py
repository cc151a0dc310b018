"""English: how international parents at a Dutch school name a person, and English words that name nobody.

English writes weekdays, months, feasts, languages, nationalities and school subjects with a capital, and "My",
"On" or "When" start its sentences: none of them is a name.
"""

from __future__ import annotations

from kiosk.core.name_languages import NameLanguage

ENGLISH = NameLanguage(
    code="en",
    titles="""mr | mr. | mrs | mrs. | ms | ms. | miss | mister | missus | dr | sir | madam | teacher | mentor |
        tutor | coach | principal | headteacher | head teacher | deputy head | counsellor | counselor |
        interpreter | caretaker | professor""",
    family="""son | sons | daughter | daughters | boy | girl | child | kid | baby | brother | sister | twin | twins |
        husband | wife | partner | cousin | nephew | niece | friend | friends | best friend | classmate |
        classmates | grandson | granddaughter | stepson | stepdaughter | neighbour | neighbor | mum | mom | mother |
        dad | father | grandma | grandpa | granny | auntie | aunt | uncle | pupil | student | called | named""",
    says="""my name is | our name is | her name is | his name is | name is | name""",
    signs="i am | i'm | im | this is | we are | regards | kind regards | thanks",
    of="of",
    not_names="""
        monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
        saturdays sundays mon tue tues wed thu thurs fri sat sun
        january february march april may june july august september october november december feb mar apr
        jun jul aug sep sept oct nov dec
        christmas xmas easter eid ramadan diwali hanukkah halloween thanksgiving pentecost whitsun ascension
        carnival valentine valentine's sinterklaas nicholas king's kings day new year year's years boxing
        holiday holidays half term half-term spring summer autumn fall winter break
        english dutch french german spanish arabic turkish polish ukrainian russian chinese mandarin italian
        portuguese hindi urdu somali tigrinya berber kurdish persian farsi japanese korean british american
        moroccan syrian eritrean surinamese indian pakistani afghan european african asian muslim christian
        jewish hindu catholic protestant islam islamic god allah jesus bible quran koran lord
        maths math mathematics science biology chemistry physics history geography art music drama pe ict
        computing reading writing spelling phonics literacy numeracy religious education
        school schools teacher teachers class group groups year grade reception nursery kindergarten primary
        secondary high college university parents parent evening evenings meeting meetings report reports
        homework sen senco ib pta mr gmr cito magister parro somtoday zermelo teams google classroom zoom
        whatsapp instagram tiktok snapchat youtube facebook netflix roblox fortnite minecraft ipad chromebook
        office word excel powerpoint translate
        netherlands holland amsterdam rotterdam utrecht hague eindhoven groningen leiden delft haarlem
        amstelveen almere europe america africa asia england britain uk usa morocco turkey poland ukraine syria
        eritrea india china london
        ok okay hi hello dear thank please sorry yes no
    """,
    not_name_phrases="""anne frank | van gogh | rembrandt | albert heijn | king willem-alexander |
        willem-alexander | the hague | den haag | sint maarten | st nicholas | saint nicholas | father christmas |
        santa claus | santa | harry potter | roald dahl | peppa pig | miffy | new year | new year's |
        king's day | kings day | open day | sports day | parents' evening | parent evening""",
    common="""
        the a an and or but so because if when while that this these those there here what which who whom whose
        why how where i me my mine we us our ours you your yours he him his she her hers it its they them their
        theirs is are was were be been being am have has had having do does did doing will would shall should
        can could may might must not no nor never always often sometimes also too very really just only even
        still already yet again more most less much many some any all both each every other another such
        in on at to from of for with without by about into onto over under after before during since until
        between through against among up down out off then than now today tomorrow yesterday please thanks
        thank yes okay good great nice bad well better best hope think feel know want need like love get got
        make made go goes went gone come came see saw say said tell told ask asked give gave take took help
        happy sad glad sorry hi hello dear regards kind best lots lot time day week month year school child
        children kids son daughter teacher teachers parents class group it's i'm i've i'd don't doesn't didn't
        can't won't isn't aren't wasn't weren't couldn't wouldn't shouldn't we're we've they're that's there's
        he's she's let's
    """,
    names="""
        james oliver jack harry george charlie thomas william oscar leo henry alfie joshua jacob ethan daniel
        ryan noah liam mason logan lucas jayden aiden michael matthew andrew christopher joseph john peter paul
        robert richard david edward alexander benjamin samuel nathan luke adam tyler dylan owen finley max
        olivia amelia isla ava emily sophia grace lily freya ella mia ivy charlotte isabella poppy evie sophie
        chloe jessica emma hannah sarah rachel rebecca lucy katie laura amy megan holly ruby scarlett zoe
        abigail madison elizabeth emily victoria jennifer jessica ashley samantha natalie
    """,
    word_names="will may june april august grace hope faith joy rose mark bill pat",
)
