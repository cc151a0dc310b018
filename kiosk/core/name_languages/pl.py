"""Polish: how Polish parents name a person, and Polish words that name nobody.

Polish bends names and the words before them by case: "mój syn Kacper", "z synem Kacprem", "mama Zosi", "pani
Kowalska", "z panią Kowalską". "Pan" and "Pani" are also the polite "you" ("Czy Pani może..."), and feasts keep
their capitals in every case ("Bożego Narodzenia", "na Wielkanoc").
"""

from __future__ import annotations

from kiosk.core.name_languages import NameLanguage

POLISH = NameLanguage(
    code="pl",
    titles="""pan | pana | panu | panem | panie | pani | panią | panie | państwo | państwa | dyrektor |
        dyrektorka | wychowawca | wychowawcy | wychowawczyni | wychowawczynią | nauczyciel | nauczyciela |
        nauczycielka | nauczycielki | nauczycielką | nauczycielce | pedagog | psycholog | doktor | dr""",
    family="""syn | syna | synowi | synem | synu | synek | synka | synkiem | synowie | synów | córka | córki |
        córkę | córką | córce | córeczka | córeczki | córeczkę | córeczką | dziecko | dziecka | dzieckiem |
        brat | brata | bratem | bratu | braciszek | siostra | siostry | siostrę | siostrą | siostrze | siostrzyczka |
        mąż | męża | mężem | żona | żony | żoną | kolega | kolegi | kolegę | kolegą | koledze | koleżanka |
        koleżanki | koleżankę | koleżanką | koleżance | przyjaciel | przyjaciela | przyjaciółka | przyjaciółki |
        przyjaciółkę | mama | mamy | mamą | mamie | mamę | matka | matki | tata | taty | tatą | tacie | tatę |
        ojciec | ojca | babcia | babci | dziadek | dziadka | ciocia | cioci | wujek | wujka | wnuk | wnuczka |
        sąsiad | sąsiada | sąsiadka | uczeń | ucznia | uczennica | uczennicy | chłopiec | chłopca | dziewczynka |
        dziewczynki""",
    says="mam na imię | ma na imię | nazywam się | nazywa się",
    signs="jestem | tu | z wyrazami szacunku | pozdrawiam | pozdrawiamy",
    not_names="""
        poniedziałek wtorek środa czwartek piątek sobota niedziela poniedziałki wtorki środy czwartki piątki
        soboty niedziele poniedziałku wtorku środę czwartku piątku sobotę niedzielę niedzieli
        styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień
        stycznia lutego marca kwietnia czerwca lipca sierpnia września października listopada grudnia
        styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu
        boże bożego bożym narodzenie narodzenia narodzeniu narodzeniem wigilia wigilii wigilię wielkanoc
        wielkanocy wielkanocny wielkanocne święta świąt świętach święto świętych wszystkich zaduszki dzień dnia
        dniu dziecka matki ojca nauczyciela edukacji narodowej andrzejki mikołajki święty świętego sylwester sylwestra nowy rok nowego roku trzech króli ciało zielone świątki tłusty czwartek
        walentynki halloween sinterklaas sinterklaasa pietów pietami ramadan ramadanu króla królewski
        polski polskiego polskim polska polsce polskę polską angielski angielskiego angielskim niderlandzki
        niderlandzkiego niderlandzkim holenderski holenderskiego holenderskim niemiecki niemieckiego francuski
        ukraiński ukraińskiego turecki arabski rosyjski hiszpański matematyka matematyki matematyką biologia
        historia geografia fizyka chemia muzyka plastyka wf religia
        polak polka polacy polaków polką holender holenderka holendrzy holendrów holenderką ukrainiec ukrainka
        ukraińcy turek turczynka marokańczyk europejczyk
        holandia holandii holandię holandią niderlandy niderlandach niderlandów ukraina ukrainy ukrainie ukrainę
        niemcy niemczech warszawa warszawy warszawie kraków krakowa krakowie wrocław wrocławia wrocławiu gdańsk
        gdańska gdańsku poznań poznania poznaniu łódź łodzi amsterdam amsterdamu amsterdamie rotterdam
        rotterdamu rotterdamie haga hagi hadze utrecht utrechtu utrechcie europa europy europie śląsk
        bóg boga bogu jezus jezusa maryja kościół kościoła
        lublin lublina lublinie białystok rzeszów katowice szczecin bydgoszcz toruń kielce opole olsztyn
        rada rady radzie radę rodziców szkoła szkoły szkole szkołę podstawowa podstawowej liceum gimnazjum
        dyrekcja dyrekcji dyrekcję dyrekcją nauczyciele nauczycieli nauczycielom rodzice rodzicom ferie ferii
        feriach google translate
        magistra magisterze parro parrze cito
    """,
    not_name_phrases="""boże narodzenie | bożego narodzenia | święty mikołaj | świętego mikołaja | dzień dziecka |
        dzień matki | dzień nauczyciela | rada rodziców | rady rodziców | nowy rok | trzech króli | boże ciało |
        wszystkich świętych | tłusty czwartek | dzień króla""",
    common="""
        i a w we z ze na do od po o u za przez przy dla bez pod nad przed między jak jako że żeby aby bo ale lub
        albo czy nie tak też także już jeszcze tylko bardzo może można trzeba jest są był była było byli będzie
        mam ma mamy macie mają miał miała mieli to ten ta te tego tej tym tych co kto gdzie kiedy dlaczego jaki
        jaka jakie który która które mój moja moje mojego mojej moim naszego nasza nasz nasze nasi naszej
        naszym wasz wasza ja ty on ona my wy oni one mnie mi mną nas nam nami jego jej ich im się sobie bym
        dziękuję dzięki proszę dzień dobry witam cześć szkoła szkole dzieci dziecko nauczyciel nauczycielka
        rodzice klasa klasie lekcje zadania często czasem zawsze nigdy teraz dziś dzisiaj jutro wczoraj
        chciałabym chciałbym chcemy uważam myślę wydaje wszystko wszyscy każdy bardziej mniej dużo mało
        dobrze źle fajnie super niestety naprawdę może
    """,
    names="""
        jan antoni aleksander franciszek jakub szymon filip wojciech kacper mikołaj stanisław adam michał piotr
        tomasz paweł krzysztof marcin mateusz bartosz łukasz kamil dawid maciej grzegorz andrzej marek rafał
        sebastian igor oskar wiktor miłosz tymon ignacy leon nikodem hubert dominik patryk damian przemysław kuba
        antek staś franek bartek tomek wojtek maciek kuba olek tymek
        zuzanna zofia zosia hanna hania julia maja laura oliwia alicja lena amelia pola natalia wiktoria emilia
        gabriela antonina helena martyna karolina aleksandra ola agnieszka katarzyna kasia anna ania małgorzata
        gosia magda magdalena monika joanna asia ewa dorota beata barbara basia iwona justyna paulina sylwia
        marta weronika klaudia kinga nikola milena zuzia julka ula urszula jadwiga
    """,
)
