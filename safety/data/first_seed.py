"""The first seed of the help resources, written 2026-11-25 without sources and loaded by
migration 0002. Frozen as it was so that migration keeps doing what it did; migration 0004
replaced these rows with the checked list in ``help_resources.py``. Do not edit."""

WRITTEN_ON = "2026-11-25"

H24_NL = "24 uur per dag, 7 dagen per week"
H24_EN = "24 hours a day, 7 days a week"
SEE_SITE_NL = "Zie de website voor de actuele openingstijden"
SEE_SITE_EN = "See the website for current opening hours"


def entry(country, kind, order, *, phone="", url="", free=True, nl, en):
    return {
        "country": country,
        "kind": kind,
        "order": order,
        "phone": phone,
        "url": url,
        "free_of_charge": free,
        "nl": nl,
        "en": en,
    }


def text(name, description, hours="", sms=""):
    return {"name": name, "description": description, "hours": hours, "text_instructions": sms}


RESOURCES = [
    # The Netherlands
    entry(
        "NL",
        "emergency",
        10,
        phone="112",
        nl=text(
            "Alarmnummer 112",
            "Bij direct gevaar: bel 112 voor politie, ambulance of brandweer.",
            H24_NL,
        ),
        en=text(
            "Emergency number 112",
            "In immediate danger: call 112 for police, ambulance or fire brigade.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "helpline",
        10,
        phone="0800-2000",
        url="https://veiligthuis.nl/",
        nl=text(
            "Veilig Thuis",
            "Advies en hulp bij huiselijk geweld en kindermishandeling, ook anoniem. Voor wie "
            "het meemaakt, wie zich zorgen maakt en wie zelf geweld gebruikt.",
            H24_NL,
        ),
        en=text(
            "Veilig Thuis (Safe at Home)",
            "Advice and help with domestic violence and child abuse, anonymously if you wish. "
            "For people who experience it, who worry about someone, or who use violence.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "helpline",
        20,
        phone="113 / 0800-0113",
        url="https://www.113.nl/",
        nl=text(
            "113 Zelfmoordpreventie",
            "Denk je aan zelfdoding? Praat er anoniem over. 0800-0113 is gratis.",
            H24_NL,
        ),
        en=text(
            "113 Suicide Prevention",
            "Thinking about suicide? Talk about it anonymously. 0800-0113 is free.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "helpline",
        30,
        phone="0900-0101",
        url="https://www.slachtofferhulp.nl/",
        free=False,
        nl=text(
            "Slachtofferhulp Nederland",
            "Praktische, juridische en emotionele steun voor slachtoffers van misdrijven, ook "
            "van huiselijk geweld.",
            SEE_SITE_NL,
        ),
        en=text(
            "Victim Support Netherlands",
            "Practical, legal and emotional support for victims of crime, including domestic "
            "violence.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "NL",
        "chat",
        10,
        url="https://www.113.nl/",
        nl=text("Chat met 113", "Chat anoniem met 113 Zelfmoordpreventie.", H24_NL),
        en=text("Chat with 113", "Chat anonymously with 113 Suicide Prevention.", H24_EN),
    ),
    entry(
        "NL",
        "safety_planning",
        10,
        phone="0800-2000",
        url="https://veiligthuis.nl/",
        nl=text(
            "Een veiligheidsplan maken",
            "Veilig Thuis denkt met je mee over hoe je jezelf (en je kinderen) veilig houdt en "
            "wat je doet als het misgaat.",
            H24_NL,
        ),
        en=text(
            "Making a safety plan",
            "Veilig Thuis helps you think through how to keep yourself (and your children) safe "
            "and what to do if things go wrong.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "for_people_who_use_violence",
        10,
        phone="0800-2000",
        url="https://veiligthuis.nl/",
        nl=text(
            "Gebruik je zelf geweld?",
            "Wil je stoppen met geweld of dreigen? Ook dan kun je Veilig Thuis bellen voor "
            "advies en hulp.",
            H24_NL,
        ),
        en=text(
            "Do you use violence yourself?",
            "Want to stop hurting or threatening? You can call Veilig Thuis for advice and help "
            "too.",
            H24_EN,
        ),
    ),
    # Belgium
    entry(
        "BE",
        "emergency",
        10,
        phone="112",
        nl=text("Noodnummer 112", "Ambulance en brandweer, en bij twijfel: bel 112.", H24_NL),
        en=text(
            "Emergency number 112",
            "Ambulance and fire brigade, and when in doubt: call 112.",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "emergency",
        20,
        phone="101",
        nl=text("Politie 101", "Bij direct gevaar: bel 101 voor de politie.", H24_NL),
        en=text("Police 101", "In immediate danger: call 101 for the police.", H24_EN),
    ),
    entry(
        "BE",
        "helpline",
        10,
        phone="1712",
        url="https://www.1712.be/",
        nl=text(
            "1712",
            "Gratis en anonieme hulplijn voor geweld, misbruik en kindermishandeling "
            "(Vlaanderen en Brussel). Voor wie het meemaakt, wie zich zorgen maakt en wie zelf "
            "geweld gebruikt.",
            SEE_SITE_NL,
        ),
        en=text(
            "1712",
            "Free, anonymous helpline for violence, abuse and child abuse (Flanders and "
            "Brussels). For people who experience it, who worry about someone, or who use "
            "violence.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "helpline",
        20,
        phone="0800 30 030",
        url="https://www.ecouteviolencesconjugales.be/",
        nl=text(
            "Écoute violences conjugales",
            "Franstalige, gratis hulplijn bij partnergeweld (Wallonië en Brussel).",
            H24_NL,
        ),
        en=text(
            "Écoute violences conjugales",
            "French-language, free helpline for partner violence (Wallonia and Brussels).",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "helpline",
        30,
        phone="106",
        url="https://www.tele-onthaal.be/",
        nl=text(
            "Tele-Onthaal",
            "Anoniem praten over wat je bezighoudt, groot of klein.",
            H24_NL,
        ),
        en=text(
            "Tele-Onthaal",
            "Talk anonymously about whatever is on your mind, big or small (in Dutch).",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "helpline",
        40,
        phone="1813",
        url="https://www.zelfmoord1813.be/",
        nl=text(
            "Zelfmoordlijn 1813",
            "Denk je aan zelfdoding? Praat er anoniem over.",
            H24_NL,
        ),
        en=text(
            "Suicide line 1813",
            "Thinking about suicide? Talk about it anonymously (in Dutch).",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "chat",
        10,
        url="https://www.1712.be/",
        nl=text(
            "Chat met 1712", "Liever schrijven dan bellen? Chat anoniem met 1712.", SEE_SITE_NL
        ),
        en=text(
            "Chat with 1712", "Rather write than call? Chat anonymously with 1712.", SEE_SITE_EN
        ),
    ),
    entry(
        "BE",
        "chat",
        20,
        url="https://www.tele-onthaal.be/",
        nl=text("Chat met Tele-Onthaal", "Chat anoniem met Tele-Onthaal.", SEE_SITE_NL),
        en=text("Chat with Tele-Onthaal", "Chat anonymously with Tele-Onthaal.", SEE_SITE_EN),
    ),
    entry(
        "BE",
        "safety_planning",
        10,
        phone="1712",
        url="https://www.1712.be/",
        nl=text(
            "Een veiligheidsplan maken",
            "1712 denkt met je mee over hoe je jezelf veilig houdt en wat je doet als het misgaat.",
            SEE_SITE_NL,
        ),
        en=text(
            "Making a safety plan",
            "1712 helps you think through how to stay safe and what to do if things go wrong.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "for_people_who_use_violence",
        10,
        phone="1712",
        url="https://www.1712.be/",
        nl=text(
            "Gebruik je zelf geweld?",
            "Ook wie zelf geweld gebruikt en wil stoppen, kan bij 1712 terecht.",
            SEE_SITE_NL,
        ),
        en=text(
            "Do you use violence yourself?",
            "People who use violence and want to stop can contact 1712 too.",
            SEE_SITE_EN,
        ),
    ),
    # United Kingdom
    entry(
        "GB",
        "emergency",
        10,
        phone="999",
        nl=text(
            "Alarmnummer 999",
            "Bij direct gevaar: bel 999.",
            H24_NL,
            "Bel je 999 met een mobiele telefoon en kun je niet praten? Blijf aan de lijn, "
            "luister, en druk 55 als daarom gevraagd wordt: je wordt dan doorverbonden met de "
            "politie.",
        ),
        en=text(
            "Emergency number 999",
            "In immediate danger: call 999.",
            H24_EN,
            "Calling 999 from a mobile and unable to speak? Stay on the line, listen, and press "
            "55 when asked: you will be put through to the police.",
        ),
    ),
    entry(
        "GB",
        "helpline",
        10,
        phone="0808 2000 247",
        url="https://www.nationaldahelpline.org.uk/",
        nl=text(
            "National Domestic Abuse Helpline",
            "Gratis en vertrouwelijke hulplijn bij huiselijk geweld (Engeland), gerund door "
            "Refuge.",
            H24_NL,
        ),
        en=text(
            "National Domestic Abuse Helpline",
            "Free, confidential helpline for domestic abuse (England), run by Refuge.",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "helpline",
        20,
        phone="0800 027 1234",
        url="https://sdafmh.org.uk/",
        nl=text(
            "Scotland's Domestic Abuse and Forced Marriage Helpline",
            "Gratis hulplijn bij huiselijk geweld en gedwongen huwelijken (Schotland).",
            H24_NL,
        ),
        en=text(
            "Scotland's Domestic Abuse and Forced Marriage Helpline",
            "Free helpline for domestic abuse and forced marriage (Scotland).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "helpline",
        30,
        phone="0808 80 10 800",
        url="https://www.gov.wales/live-fear-free",
        nl=text(
            "Live Fear Free",
            "Gratis hulplijn bij huiselijk en seksueel geweld (Wales).",
            H24_NL,
        ),
        en=text(
            "Live Fear Free",
            "Free helpline for domestic abuse and sexual violence (Wales).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "helpline",
        40,
        phone="0808 802 1414",
        url="https://dsahelpline.org/",
        nl=text(
            "Domestic and Sexual Abuse Helpline",
            "Gratis hulplijn bij huiselijk en seksueel geweld (Noord-Ierland).",
            H24_NL,
        ),
        en=text(
            "Domestic and Sexual Abuse Helpline",
            "Free helpline for domestic and sexual abuse (Northern Ireland).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "helpline",
        50,
        phone="0808 801 0327",
        url="https://mensadviceline.org.uk/",
        nl=text(
            "Men's Advice Line",
            "Gratis, vertrouwelijke hulp voor mannen die huiselijk geweld meemaken.",
            SEE_SITE_NL,
        ),
        en=text(
            "Men's Advice Line",
            "Free, confidential help for men experiencing domestic abuse.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "GB",
        "helpline",
        60,
        phone="116 123",
        url="https://www.samaritans.org/",
        nl=text(
            "Samaritans", "Praat met iemand over wat je bezighoudt, ook over zelfdoding.", H24_NL
        ),
        en=text(
            "Samaritans",
            "Talk to someone about whatever you are going through, including thoughts of suicide.",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "chat",
        10,
        url="https://www.nationaldahelpline.org.uk/",
        nl=text(
            "Live chat van de National Domestic Abuse Helpline",
            "Liever schrijven dan bellen? Chat met de hulplijn via de website.",
            SEE_SITE_NL,
        ),
        en=text(
            "National Domestic Abuse Helpline live chat",
            "Rather write than call? Chat with the helpline on its website.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "GB",
        "safety_planning",
        10,
        url="https://www.womensaid.org.uk/",
        nl=text(
            "Een veiligheidsplan maken",
            "Women's Aid helpt met praktische stappen om veilig te blijven, in een relatie of "
            "als je vertrekt.",
        ),
        en=text(
            "Making a safety plan",
            "Women's Aid helps with practical steps to stay safe, whether you stay or leave.",
        ),
    ),
    entry(
        "GB",
        "for_people_who_use_violence",
        10,
        phone="0808 802 4040",
        url="https://respectphoneline.org.uk/",
        nl=text(
            "Respect Phoneline",
            "Vertrouwelijke hulp voor wie zich zorgen maakt over het eigen gewelddadige of "
            "controlerende gedrag.",
            SEE_SITE_NL,
        ),
        en=text(
            "Respect Phoneline",
            "Confidential help for people worried about their own abusive or controlling "
            "behaviour.",
            SEE_SITE_EN,
        ),
    ),
    # United States
    entry(
        "US",
        "emergency",
        10,
        phone="911",
        nl=text(
            "Alarmnummer 911",
            "Bij direct gevaar: bel 911.",
            H24_NL,
            "Kun je niet veilig bellen? Op veel plaatsen kun je een sms sturen naar 911; waar "
            "dat niet kan, krijg je een bericht terug.",
        ),
        en=text(
            "Emergency number 911",
            "In immediate danger: call 911.",
            H24_EN,
            "If calling isn't safe, in many areas you can text 911; where you can't, you will "
            "get a message back saying so.",
        ),
    ),
    entry(
        "US",
        "helpline",
        10,
        phone="1-800-799-7233",
        url="https://www.thehotline.org/",
        nl=text(
            "National Domestic Violence Hotline",
            "Gratis en vertrouwelijke hulp bij huiselijk geweld.",
            H24_NL,
            "Sms START naar 88788.",
        ),
        en=text(
            "National Domestic Violence Hotline",
            "Free, confidential help with domestic violence.",
            H24_EN,
            "Text START to 88788.",
        ),
    ),
    entry(
        "US",
        "helpline",
        20,
        phone="988",
        url="https://988lifeline.org/",
        nl=text(
            "988 Suicide & Crisis Lifeline",
            "Bel of sms 988 bij een crisis of als je aan zelfdoding denkt.",
            H24_NL,
            "Sms naar 988.",
        ),
        en=text(
            "988 Suicide & Crisis Lifeline",
            "Call or text 988 in a crisis or if you are thinking about suicide.",
            H24_EN,
            "Text 988.",
        ),
    ),
    entry(
        "US",
        "helpline",
        30,
        phone="1-800-656-4673",
        url="https://rainn.org/",
        nl=text(
            "RAINN National Sexual Assault Hotline",
            "Gratis en vertrouwelijke hulp na seksueel geweld.",
            H24_NL,
        ),
        en=text(
            "RAINN National Sexual Assault Hotline",
            "Free, confidential help after sexual violence.",
            H24_EN,
        ),
    ),
    entry(
        "US",
        "chat",
        10,
        url="https://www.thehotline.org/",
        nl=text(
            "Chat met The Hotline",
            "Liever schrijven dan bellen? Chat met de National Domestic Violence Hotline.",
            H24_NL,
        ),
        en=text(
            "Chat with The Hotline",
            "Rather write than call? Chat with the National Domestic Violence Hotline.",
            H24_EN,
        ),
    ),
    entry(
        "US",
        "chat",
        20,
        url="https://988lifeline.org/",
        nl=text("Chat met 988", "Chat met de 988 Suicide & Crisis Lifeline.", H24_NL),
        en=text("Chat with 988", "Chat with the 988 Suicide & Crisis Lifeline.", H24_EN),
    ),
    entry(
        "US",
        "safety_planning",
        10,
        phone="1-800-799-7233",
        url="https://www.thehotline.org/",
        nl=text(
            "Een veiligheidsplan maken",
            "De medewerkers van The Hotline helpen je een persoonlijk veiligheidsplan te maken.",
            H24_NL,
        ),
        en=text(
            "Making a safety plan",
            "Advocates at The Hotline help you make a personal safety plan.",
            H24_EN,
        ),
    ),
    entry(
        "US",
        "for_people_who_use_violence",
        10,
        phone="1-800-799-7233",
        url="https://www.thehotline.org/",
        nl=text(
            "Maak je je zorgen over je eigen gedrag?",
            "Ook wie bang is dat het eigen gedrag kwetsend of gewelddadig is, kan The Hotline "
            "bellen.",
            H24_NL,
        ),
        en=text(
            "Worried about your own behaviour?",
            "People concerned that their own behaviour is abusive can call The Hotline too.",
            H24_EN,
        ),
    ),
    # Germany
    entry(
        "DE",
        "emergency",
        10,
        phone="110",
        nl=text("Politie 110", "Bij direct gevaar: bel 110 voor de politie.", H24_NL),
        en=text("Police 110", "In immediate danger: call 110 for the police.", H24_EN),
    ),
    entry(
        "DE",
        "emergency",
        20,
        phone="112",
        nl=text("Noodnummer 112", "Ambulance en brandweer: bel 112.", H24_NL),
        en=text("Emergency number 112", "Ambulance and fire brigade: call 112.", H24_EN),
    ),
    entry(
        "DE",
        "helpline",
        10,
        phone="116 016",
        url="https://www.hilfetelefon.de/",
        nl=text(
            "Hilfetelefon Gewalt gegen Frauen",
            "Gratis, anonieme hulp bij geweld tegen vrouwen, in veel talen.",
            H24_NL,
        ),
        en=text(
            "Hilfetelefon Gewalt gegen Frauen (violence against women helpline)",
            "Free, anonymous help with violence against women, in many languages.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "helpline",
        20,
        phone="0800 123 99 00",
        url="https://www.maennerhilfetelefon.de/",
        nl=text(
            "Hilfetelefon Gewalt an Männern",
            "Gratis hulp voor mannen die geweld meemaken.",
            SEE_SITE_NL,
        ),
        en=text(
            "Hilfetelefon Gewalt an Männern (helpline for men)",
            "Free help for men experiencing violence.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "DE",
        "helpline",
        30,
        phone="0800 111 0 111 / 0800 111 0 222",
        url="https://www.telefonseelsorge.de/",
        nl=text(
            "TelefonSeelsorge",
            "Anoniem praten over wat je bezighoudt, ook over zelfdoding.",
            H24_NL,
        ),
        en=text(
            "TelefonSeelsorge",
            "Talk anonymously about whatever is on your mind, including thoughts of suicide.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "chat",
        10,
        url="https://www.hilfetelefon.de/",
        nl=text(
            "Chat met het Hilfetelefon",
            "Liever schrijven dan bellen? Chat via de website van het Hilfetelefon.",
            SEE_SITE_NL,
        ),
        en=text(
            "Chat with the Hilfetelefon",
            "Rather write than call? Chat on the Hilfetelefon's website.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "DE",
        "safety_planning",
        10,
        phone="116 016",
        url="https://www.hilfetelefon.de/",
        nl=text(
            "Een veiligheidsplan maken",
            "Het Hilfetelefon denkt met je mee over je veiligheid en de volgende stappen.",
            H24_NL,
        ),
        en=text(
            "Making a safety plan",
            "The Hilfetelefon helps you think through your safety and the next steps.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "for_people_who_use_violence",
        10,
        url="https://www.bag-taeterarbeit.de/",
        nl=text(
            "Gebruik je zelf geweld?",
            "BAG Täterarbeit Häusliche Gewalt wijst de weg naar programma's voor wie wil "
            "stoppen met geweld.",
        ),
        en=text(
            "Do you use violence yourself?",
            "BAG Täterarbeit Häusliche Gewalt lists programmes for people who want to stop "
            "using violence.",
        ),
    ),
    # International fallback, for every country without a list of its own
    entry(
        "",
        "emergency",
        10,
        phone="112",
        nl=text(
            "Het alarmnummer van je land",
            "Bij direct gevaar: bel het alarmnummer van het land waar je bent. 112 werkt in de "
            "hele Europese Unie en in veel andere landen.",
        ),
        en=text(
            "Your country's emergency number",
            "In immediate danger: call the emergency number of the country you are in. 112 "
            "works throughout the European Union and in many other countries.",
        ),
    ),
    entry(
        "",
        "helpline",
        10,
        url="https://findahelpline.com/",
        nl=text(
            "Find A Helpline",
            "Vind gratis, vertrouwelijke hulplijnen in je eigen land, ook bij huiselijk geweld.",
        ),
        en=text(
            "Find A Helpline",
            "Find free, confidential helplines in your own country, including for domestic "
            "violence.",
        ),
    ),
    entry(
        "",
        "info",
        10,
        url="https://www.hotpeachpages.net/",
        nl=text(
            "Hot Peach Pages",
            "Internationale lijst van organisaties die helpen bij huiselijk geweld.",
        ),
        en=text(
            "Hot Peach Pages",
            "International directory of organisations that help with domestic violence.",
        ),
    ),
    entry(
        "",
        "safety_planning",
        10,
        url="https://findahelpline.com/",
        nl=text(
            "Een veiligheidsplan maken",
            "Een hulplijn voor huiselijk geweld in je land kan met je een veiligheidsplan maken.",
        ),
        en=text(
            "Making a safety plan",
            "A domestic violence helpline in your country can make a safety plan with you.",
        ),
    ),
    entry(
        "",
        "for_people_who_use_violence",
        10,
        url="https://www.work-with-perpetrators.eu/",
        nl=text(
            "Gebruik je zelf geweld?",
            "Het WWP European Network wijst de weg naar programma's voor wie wil stoppen met "
            "geweld.",
        ),
        en=text(
            "Do you use violence yourself?",
            "The WWP European Network points the way to programmes for people who want to stop "
            "using violence.",
        ),
    ),
]
