"""Dutch: how parents at a Dutch school name a person, and the Dutch words that name nobody.

The given names are those of the families Dutch schools serve, as they are written in Dutch: Dutch, Moroccan,
Turkish, Surinamese, Antillean, Eritrean, Somali, Afghan and Syrian names in Latin letters (the other languages'
modules hold their own names).
"""

from __future__ import annotations

from kiosk.core.name_languages import NameLanguage

DUTCH = NameLanguage(
    code="nl",
    titles="""meneer | mijnheer | mevrouw | mevr | dhr | mw | juf | juffrouw | meester | mentor | mentrix | docent |
        docente | leraar | lerares | leerkracht | directeur | directrice | conrector | rector | teamleider |
        afdelingsleider | intern begeleider | ib'er | zorgcoördinator | coach | trainer | begeleider | tolk | stagiair |
        stagiaire | conciërge | invaller | invalkracht | gymleraar | gymjuf | gymmeester | dokter | familie | fam""",
    family="""zoon | zoontje | dochter | dochtertje | broer | broertje | zus | zusje | kind | kindje | neef | neefje |
        nicht | nichtje | vriend | vriendin | vriendje | vriendinnetje | klasgenoot | klasgenootje | klasgenote |
        man | vrouw | echtgenoot | echtgenote | vader | moeder | papa | mama | oma | opa | tante | oom | buurjongen |
        buurmeisje | buurman | buurvrouw | stiefzoon | stiefdochter | pleegzoon | pleegdochter | kleinzoon |
        kleindochter | leerling | leerlinge | jongen | meisje""",
    says="""mijn naam is | onze naam is | ik heet | wij heten | we heten | hij heet | zij heet | ze heet | die heet |
        heet | naam | het gaat om""",
    signs="ik ben | wij zijn | we zijn | groetjes | groeten | groet | mvg | namens",
    of="van",
    not_names="""
        engels frans duits spaans latijn grieks arabisch turks pools oekraïens russisch chinees nederlands
        italiaans portugees tigrinya somalisch koerdisch berbers papiaments sranantongo sranan hindi urdu farsi
        dari tamazight amazigh koreaans japans marokkaans surinaams antilliaans syrisch eritrees afghaans
        wiskunde biologie geschiedenis aardrijkskunde economie natuurkunde scheikunde lo gym muziek tekenen
        drama techniek informatica filosofie maatschappijleer godsdienst levensbeschouwing ckv nask nlt bsm
        januari februari maart april mei juni juli augustus september oktober november december
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
        kerst kerstmis pasen pinksteren sinterklaas sint pieten suikerfeest offerfeest ramadan eid
        chanoeka hanukkah diwali holi koningsdag bevrijdingsdag hemelvaart carnaval halloween keti koti
        ketikoti nieuwjaar oud nieuw valentijnsdag vaderdag moederdag kerstvakantie herfstvakantie meivakantie
        voorjaarsvakantie zomervakantie
        magister parro somtoday zermelo teams classroom google microsoft office word excel powerpoint
        whatsapp instagram tiktok snapchat youtube facebook netflix roblox fortnite minecraft ipad chromebook
        mr gmr ouderraad medezeggenschapsraad vo po mbo hbo wo havo vwo vmbo mavo tl kader basis gymnasium
        atheneum cito ib ib'er zorgcoördinator ggd jgz cjg veilig thuis leerplicht
        god allah jezus islam christendom jodendom
        nederland holland marokko turkije suriname curaçao aruba bonaire polen oekraïne syrië eritrea
        europa amerika afrika azië
        amsterdam rotterdam utrecht eindhoven groningen tilburg almere breda nijmegen arnhem haarlem enschede
        amersfoort apeldoorn zaanstad haarlemmermeer zoetermeer zwolle leiden maastricht dordrecht ede delft
        alkmaar venlo deventer hilversum leeuwarden den haag haag zaandam schiedam vlaardingen gouda capelle
        spijkenisse hoorn purmerend lelystad helmond oss roosendaal zeist nieuwegein veenendaal hertogenbosch
        heerlen sittard emmen assen amstelveen diemen hoofddorp rijswijk voorburg westland woerden
    """,
    not_name_phrases="""anne frank | van gogh | rembrandt | albert heijn | jip en janneke | pippi langkous |
        willem-alexander | máxima | maxima | sint maarten | sint-maarten | zwarte piet | wilhelmus |
        dolfje weerwolfje | efteling | kinderboekenweek | nijntje | dikkie dik | kikker en zijn vriendjes | koning |
        koningin | den haag | den bosch""",
    common="""
        de het een en of maar want dus dat die dit deze wie wat waar wanneer waarom hoe welke ik jij je u hij zij ze
        wij we jullie mijn jouw zijn haar ons onze hun hen me mij hem er hier daar niet geen wel ook nog al zo
        heel erg veel weinig meer minder van in op aan met voor door bij naar uit over onder tussen tegen na om te
        tot zonder sinds is was zijn waren ben bent heb hebt heeft hebben had hadden wordt worden werd kan kunnen
        moet moeten wil willen zou zouden mag mogen gaat gaan ging doe doet doen deed zegt zeggen vind vindt
        goed fijn mooi slecht jammer graag dank bedankt soms vaak altijd nooit nu dan toen ja nee hoi hallo beste
        morgen gisteren vandaag sinds omdat als toch even echt misschien gelukkig helaas verder ouders school
        kinderen kind klas groep juf
    """,
    names="""
        daan sem noah lucas levi finn luuk milan bram jesse thijs lars ruben tim sven max mees thomas jayden julian
        teun gijs stijn ties siem liam mats olivier jens tom koen niels bas rick kevin dennis mark jeroen sander erik
        martijn michiel pieter jan kees henk piet wouter joost arjen vincent hugo floris jasper casper hidde sil
        tobias dex jurre boaz benjamin david samuel daniël joep luca sam jip guus morris timo robin pim bart
        maarten frank rob peter hans gerrit willem johan jelle wessel rens hamid mick nick jordy stefan
        emma julia mila sophie tess zoë sara anna eva lotte fleur lisa noor nora evi saar lieke sanne roos femke isa
        iris fenna yara liv nina esmee lynn maud elin olivia sophia luna lina hanna jasmijn feline anouk marieke
        annemiek ingrid linda monique sandra petra wendy kim laura charlotte floor sterre loïs amber britt demi
        romy lara vera noa mia ilse janneke esther marloes inge nienke merel marit sofie jolien mirjam karin
        mohamed mohammed muhammad ahmed achmed youssef yusuf ayoub ilias ilyas rayan adam amir yassin yassine
        bilal hamza anass anas othman oussama soufiane zakaria younes mehdi nassim ismail ibrahim khalid karim
        rachid abdel abdelkader abdellah mustafa mostafa hicham redouan ridouan tarik aziz hassan hussein omar ali
        salah noureddine driss jamal samir nordin badr walid imad mounir marouane ayman
        fatima fatma khadija aicha aisha salma sarah yasmina yasmine hiba imane iman malak meryem maryam zineb
        zainab hafsa ikram chaima soumaya samira nadia latifa naima karima hanane houda amina asmae wiam douae
        hajar rania nisrine ilham siham loubna kawtar hind safae safa ghizlane najat
        ravi anand sunil kiran rakesh ashwin dinesh sanjay priya shanti anjali kavita sita reshma roshni
        jerrel jayson dwayne jermaine romano clarence marvin sharon kimberley shaquille naomi gisela
        yonas dawit biniam yohannes mussie haben semhar luwam feven saba winta selam
        abdi abdirahman hodan fadumo hamdi ayaan ahmad mahmoud zahra fereshta omid farid
    """,
)
