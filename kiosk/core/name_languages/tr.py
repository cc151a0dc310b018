"""Turkish: how Turkish-speaking parents name a person, and Turkish words that name nobody.

Turkish puts the title after the name ("Ahmet Bey", "Ayşe Hanım", "Elif Öğretmen"), the possessive in the family
word ("oğlum Emre", "kızımın öğretmeni") and an apostrophe between a proper name and its ending ("Emre'yi",
"Türkiye'de"). A capital inside a Turkish sentence marks a proper name: a person, a place, a feast.
"""

from __future__ import annotations

from kiosk.core.name_languages import NameLanguage

TURKISH = NameLanguage(
    code="tr",
    titles="""bay | bayan | sayın | müdür | müdürümüz | müdire | doktor | dr | rehber öğretmen | hocamız""",
    family="""oğlum | oğlumu | oğluma | oğlumun | oğlumla | oğlumda | oğlumdan | oğlumuz | oğlumuzu | oğlumuza |
        oğlumuzun | oğlumuzla | oğlu | oğlunu | oğluna | oğlunun | kızım | kızımı | kızıma | kızımın | kızımla |
        kızımda | kızımdan | kızımız | kızımızı | kızımıza | kızımızın | kızımızla | kızı | kızını | kızına |
        kızının | çocuğum | çocuğumu | çocuğuma | çocuğumun | çocuğumuz | çocuğumuzun | kardeşim | kardeşimi |
        kardeşi | kardeşini | kardeşinin | küçük kardeşi | abisi | abim | ablası | ablam | eşim | eşimle | eşimin |
        arkadaşı | arkadaşım | arkadaşımız | arkadaşını | arkadaşının | arkadaşıyla | sınıf arkadaşı |
        sınıf arkadaşları | komşumuz | komşumun | komşunun | torunum | yeğenim | öğrenci | öğrencisi | oğlan |
        kız""",
    says="benim adım | adım | ismim | benim ismim | adı | ismi | adını",
    signs="ben | saygılarımla | selamlar | sevgiler",
    after="""bey beyi beye beyin beyle beyden beyefendi hanım hanımı hanıma hanımın hanımla hanımdan hanımefendi
        hoca hocam hocaya hocanın hocayı hocayla hocadan hocamız öğretmen öğretmene öğretmenin öğretmeni
        öğretmenle öğretmenden öğretmenimiz abla ablaya ablanın abi abiye abinin amca amcaya teyze teyzeye adlı
        isimli adında adındaki ismindeki""",
    not_names="""
        pazartesi salı çarşamba perşembe cuma cumartesi pazar günü günleri
        ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
        ramazan bayram bayramı bayramında bayramda bayramlar bayramları şeker kurban kandil kandili yılbaşı noel
        paskalya sinterklaas cumhuriyet iftar sahur oruç teravih mevlid mevlit aşure anneler babalar öğretmenler
        kral kraliyet günü hıdrellez nevruz newroz
        türkçe hollandaca felemenkçe flemenkçe ingilizce almanca fransızca arapça lehçe ukraynaca rusça kürtçe
        farsça ispanyolca matematik fen biyoloji tarih coğrafya müzik resim beden
        türk türkler hollandalı hollandalılar faslı suriyeli polonyalı ukraynalı avrupalı müslüman
        türkiye hollanda amsterdam rotterdam lahey utrecht istanbul ankara izmir konya kayseri bursa trabzon sivas
        yozgat avrupa almanya belçika fas suriye polonya ukrayna adana antalya gaziantep mersin diyarbakır samsun
        denizli eskişehir erzurum malatya şanlıurfa urfa hatay sakarya kocaeli manisa afyon aksaray çorum tokat
        kırşehir karaman emirdağ giresun ordu rize zonguldak kars van muş bitlis elazığ
        belediye devlet eğitim eğitimi din kültürü bilgisi
        allah islam kuran kur'an peygamber hz atatürk veli veliler okul aile birliği meb
    """,
    not_name_phrases="""ramazan bayramı | şeker bayramı | kurban bayramı | cumhuriyet bayramı | kral günü |
        öğretmenler günü | anneler günü | babalar günü | okul aile birliği | veli toplantısı | milli eğitim""",
    common="""
        ve bir bu şu o da de ile için çok daha en ama fakat ancak gibi kadar sonra önce her hiç ne neden nasıl
        niçin kim hangi mi mı mu mü ben sen biz siz onlar bana beni benim bizim bize sizin onun onu ona var yok
        değil evet hayır olarak olan oldu olur olsun ise ki diye artık hep hem şimdi bugün yarın dün sadece bile
        yine tüm bütün bazı birçok birkaç okul okulda okula okulun çocuk çocuklar çocuğum çocuklarımız öğretmen
        öğretmenler veliler ders dersler sınıf sınıfta sınıfı ödev ödevler teşekkür teşekkürler lütfen merhaba
        selam iyi güzel kötü sorun konu zaman gün hafta yıl bence bizce keşke maalesef belki özellikle genelde
        bazen hiçbir herkes kimse şey çünkü eğer ya veya hatta ayrıca tekrar çok
    """,
    names="""
        yusuf eymen ömer mustafa ali ahmet mehmet emir emre burak cem berk kerem efe arda kaan mert yiğit eren
        hakan murat serkan volkan tolga onur furkan enes hüseyin hasan ibrahim ismail osman kemal orhan selim
        batuhan alperen yunus miraç taha talha berat metehan ege halil süleyman recep fatih kadir oğuz gökhan uğur
        sinan levent tarık yasin muhammed mehmet emirhan çınar poyraz kuzey aras
        zeynep elif defne azra ecrin asel nehir ela ayşe fatma emine hatice meryem esra büşra merve kübra tuğba
        songül gülsüm hülya dilek ebru seda sibel özge pınar gamze hande ceren irem melek zehra rabia sümeyye
        beyza ayla aylin nazlı sena selin damla gizem elanur hira ecem zeliha nurcan esma betül rümeysa şeyma
    """,
    word_names="""umut deniz barış sevgi gül can ay yıldız güneş bahar ışık nur derya yağmur inci ilke ece ozan
        erdem aslan kaya demir çelik yılmaz şahin doğan arslan kılıç aydın eylül nisan ramazan bayram veli cuma""",
)
