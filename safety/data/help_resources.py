"""The help resources every installation starts with (loaded by migration 0004), checked on
2026-11-29 against the pages named in ``source``. An entry with ``checked=False`` could not be
confirmed from a page read that day: it is seeded with ``last_verified`` empty, and the admin
lists it under "needs checking". docs/safety.md has the list. Later corrections go through the
admin, not through this file (a changed seed needs a new migration of its own).

``phone`` is one dialable number (digits, optional leading +) or None; a second number is a
second entry. Texts per language: name, description, hours, sms.
"""

# Migration 0002 imports these two names from here; they are the first, unchecked seed.
from .first_seed import RESOURCES, WRITTEN_ON  # noqa: F401

CHECKED_ON = "2026-11-29"

H24_NL = "24 uur per dag, 7 dagen per week"
H24_EN = "24 hours a day, 7 days a week"
SEE_SITE_NL = "Zie de website voor de openingstijden"
SEE_SITE_EN = "See the website for opening hours"


def entry(
    country,
    kind,
    order,
    *,
    nl,
    en,
    phone=None,
    phone_display="",
    url="",
    chat_url="",
    open_24_7=False,
    free=True,
    source="",
    checked=True,
):
    assert not checked or source, "a checked entry names the page it was checked against"
    return {
        "country": country,
        "kind": kind,
        "order": order,
        "phone": phone,
        "phone_display": phone_display or (phone or ""),
        "url": url,
        "chat_url": chat_url,
        "open_24_7": open_24_7,
        "free": free,
        "source_url": source,
        "checked": checked,
        "nl": nl,
        "en": en,
    }


def text(name, description, hours="", sms=""):
    return {"name": name, "description": description, "hours": hours, "sms": sms}


HELP_RESOURCES = [
    # The Netherlands
    entry(
        "NL",
        "emergency",
        10,
        phone="112",
        open_24_7=True,
        source="https://www.regiogv.nl/nieuws/chatfunctie-veilig-thuis-verlengd/?bron=1739",
        nl=text(
            "Alarmnummer 112",
            "In direct gevaar: bel 112 voor politie, ambulance of brandweer. Je mag altijd je "
            "huis uit om veilig te zijn.",
            H24_NL,
        ),
        en=text(
            "Emergency number 112",
            "In immediate danger: call 112 for police, ambulance or fire brigade. You may "
            "always leave your home to be safe.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "domestic_abuse",
        10,
        phone="08002000",
        phone_display="0800-2000",
        url="https://veiligthuis.nl/",
        chat_url="https://veiligthuis.nl/",
        open_24_7=True,
        source="https://www.veiligthuisnoordoostgelderland.nl/chat-veilig-thuis-zeker-tot-einde-2020/",
        nl=text(
            "Veilig Thuis",
            "Advies en hulp bij huiselijk geweld, gratis en als je wilt anoniem. Voor wie het "
            "meemaakt, wie zich zorgen maakt en wie zelf geweld gebruikt.",
            "Bellen: 24 uur per dag, 7 dagen per week. Chat: meestal op werkdagen overdag.",
        ),
        en=text(
            "Veilig Thuis (Safe at Home)",
            "Advice and help with domestic abuse, free and anonymous if you wish. For people "
            "who experience it, who worry about someone, or who use violence themselves.",
            "Phone: 24 hours a day, 7 days a week. Chat: usually on weekdays during the day.",
        ),
    ),
    entry(
        "NL",
        "sexual_violence",
        10,
        phone="08000188",
        phone_display="0800-0188",
        url="https://www.centrumseksueelgeweld.nl/",
        open_24_7=True,
        source="https://veiligthuiswb.nl/nieuws/centrum-seksueel-geweld-in-januari-van-start/",
        nl=text(
            "Centrum Seksueel Geweld",
            "Na verkrachting of aanranding: medische zorg, psychische hulp en sporenonderzoek "
            "op één plek, ook als je (nog) geen aangifte wilt doen. Bel liefst binnen 7 dagen; "
            "bellen over iets van langer geleden kan ook.",
            "Bij recent geweld 24 uur per dag; anders tijdens kantooruren",
        ),
        en=text(
            "Centrum Seksueel Geweld (Sexual Assault Centre)",
            "After rape or sexual assault: medical care, support and forensic examination in "
            "one place, also if you do not (yet) want to report it to the police. Call within "
            "7 days if you can; calling about something longer ago is fine too.",
            "24 hours a day after recent violence; otherwise office hours",
        ),
    ),
    entry(
        "NL",
        "lgbt",
        10,
        url="https://switchboard.coc.nl/",
        source="https://switchboard.coc.nl/functieprofiel/",
        nl=text(
            "Switchboard (COC Nederland)",
            "Een luisterend oor en informatie voor lhbti+ mensen, ook over relaties. Bereikbaar "
            "per telefoon, chat en e-mail via de website.",
            SEE_SITE_NL,
        ),
        en=text(
            "Switchboard (COC Netherlands)",
            "A listening ear and information for LGBTI+ people, relationships included. By "
            "phone, chat and email through the website (in Dutch).",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "NL",
        "crisis",
        10,
        phone="113",
        url="https://www.113.nl/",
        chat_url="https://www.113.nl/",
        open_24_7=True,
        source="https://www.upday.com/nl/binnenland/nummer-113-nu-gratis-betere-hulp-bij-zelfdodingsgedachten/pj8neqt",
        nl=text(
            "113 Zelfmoordpreventie",
            "Denk je aan zelfdoding? Bel gratis en anoniem 113, of chat op 113.nl. Bellen naar "
            "113 is sinds oktober 2025 gratis.",
            H24_NL,
        ),
        en=text(
            "113 Suicide Prevention",
            "Thinking about suicide? Call 113 free and anonymously, or chat at 113.nl. Calling "
            "113 has been free since October 2025.",
            H24_EN,
        ),
    ),
    entry(
        "NL",
        "info",
        10,
        phone="09000101",
        phone_display="0900-0101",
        url="https://www.slachtofferhulp.nl/",
        free=False,
        source="https://www.politie.nl/themas/slachtofferhulp.html",
        nl=text(
            "Slachtofferhulp Nederland",
            "Gratis praktische, juridische en emotionele hulp na een misdrijf, ook na huiselijk "
            "of seksueel geweld. Het nummer kost het lokale tarief.",
            SEE_SITE_NL,
        ),
        en=text(
            "Victim Support Netherlands",
            "Free practical, legal and emotional support after a crime, including domestic or "
            "sexual violence. The number costs a local call.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "NL",
        "for_people_who_use_violence",
        10,
        phone="08002000",
        phone_display="0800-2000",
        url="https://veiligthuis.nl/",
        open_24_7=True,
        source="https://www.regiogv.nl/nieuws/chatfunctie-veilig-thuis-verlengd/?bron=1739",
        nl=text(
            "Gebruik je zelf geweld?",
            "Wil je stoppen met slaan, dreigen of controleren? Ook dan kun je Veilig Thuis "
            "bellen voor advies en hulp.",
            H24_NL,
        ),
        en=text(
            "Do you use violence yourself?",
            "Want to stop hitting, threatening or controlling? You can call Veilig Thuis for "
            "advice and help too.",
            H24_EN,
        ),
    ),
    # Belgium
    entry(
        "BE",
        "emergency",
        10,
        phone="101",
        open_24_7=True,
        source="https://www.1712.be/nl/over-1712",
        nl=text("Politie 101", "In direct gevaar: bel 101 voor de politie.", H24_NL),
        en=text("Police 101", "In immediate danger: call 101 for the police.", H24_EN),
    ),
    entry(
        "BE",
        "emergency",
        20,
        phone="112",
        open_24_7=True,
        source="https://www.1712.be/nl/over-1712",
        nl=text("Noodnummer 112", "Dringende medische hulp of brand: bel 112.", H24_NL),
        en=text("Emergency number 112", "Urgent medical help or fire: call 112.", H24_EN),
    ),
    entry(
        "BE",
        "domestic_abuse",
        10,
        phone="080030030",
        phone_display="0800 30 030",
        url="https://www.ecouteviolencesconjugales.be/",
        open_24_7=True,
        source="https://www.ecouteviolencesconjugales.be/qui-sommes-nous/presentation/",
        nl=text(
            "Écoute violences conjugales",
            "Gratis en vertrouwelijke Franstalige hulplijn bij partnergeweld, voor wie het "
            "meemaakt, wie getuige is en wie zelf geweld gebruikt.",
            H24_NL,
        ),
        en=text(
            "Écoute violences conjugales",
            "Free, confidential French-language helpline for partner violence, for people who "
            "experience it, witness it, or use violence themselves.",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "domestic_abuse",
        20,
        phone="1712",
        url="https://www.1712.be/",
        chat_url="https://www.1712.be/",
        source="https://www.1712.be/nl/over-1712",
        checked=False,
        nl=text(
            "1712",
            "Hulplijn voor elke vraag over geweld, misbruik en kindermishandeling (Vlaanderen en "
            "Brussel): luisteren, advies en samen de risico's inschatten. Je hoeft je naam niet "
            "te zeggen. Ook chat en e-mail.",
            SEE_SITE_NL,
        ),
        en=text(
            "1712",
            "Helpline for any question about violence, abuse and child abuse (Flanders and "
            "Brussels, in Dutch): listening, advice and weighing up the risks together. You "
            "need not give your name. Chat and email too.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "sexual_violence",
        10,
        open_24_7=True,
        source="https://www.politie-bht.be/nl/tipvandemaand",
        nl=text(
            "Zorgcentra na Seksueel Geweld",
            "Na verkrachting of aanranding kun je dag en nacht terecht in een Zorgcentrum na "
            "Seksueel Geweld: medische zorg, psychologische hulp en sporenonderzoek, met of "
            "zonder aangifte. Ga liefst binnen 7 dagen; 101 of 112 helpt je erheen.",
            H24_NL,
        ),
        en=text(
            "Sexual Assault Care Centres (Zorgcentra na Seksueel Geweld)",
            "After rape or sexual assault you can go to a Sexual Assault Care Centre day and "
            "night: medical care, psychological help and forensic examination, whether or not "
            "you report it. Go within 7 days if you can; 101 or 112 can get you there.",
            H24_EN,
        ),
    ),
    entry(
        "BE",
        "sexual_violence",
        20,
        phone="080098100",
        phone_display="0800 98 100",
        source="https://www.lalibre.be/regions/bruxelles/2022/10/04/lassociation-sos-viol-inaugure-de-nouveaux-locaux-a-saint-gilles-3WIZZK3GY5DJPCO7DMC757UKFA/",
        nl=text(
            "SOS Viol",
            "Gratis Franstalige luister- en hulplijn na seksueel geweld, ook per chat, voor "
            "slachtoffers en hun omgeving.",
            "Op werkdagen; zie de website voor de uren",
        ),
        en=text(
            "SOS Viol",
            "Free French-language listening and support line after sexual violence, also by "
            "chat, for survivors and the people around them.",
            "On weekdays; see the website for hours",
        ),
    ),
    entry(
        "BE",
        "lgbt",
        10,
        phone="080099533",
        phone_display="0800 99 533",
        url="https://www.lumi.be/",
        chat_url="https://www.lumi.be/",
        source="https://www.info4escorts.be/nieuwe-website-rond-psychisch-welzijn-bij-holebis-transgender-personen/",
        nl=text(
            "Lumi",
            "De opvang- en infolijn van çavaria voor holebi's, transgender personen en "
            "iedereen met vragen over gender en seksuele voorkeur: bellen, chatten of mailen.",
            SEE_SITE_NL,
        ),
        en=text(
            "Lumi",
            "çavaria's support and information line for LGBTQI+ people and anyone with "
            "questions about gender and sexuality: call, chat or email (in Dutch).",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "crisis",
        10,
        phone="1813",
        url="https://www.zelfmoord1813.be/",
        source="https://www.standaard.be/cnt/dmf20190908_04597462",
        nl=text(
            "Zelfmoordlijn 1813",
            "Denk je aan zelfdoding? Praat er gratis en anoniem over, ook per chat.",
            SEE_SITE_NL,
        ),
        en=text(
            "Suicide line 1813",
            "Thinking about suicide? Talk about it free and anonymously, also by chat (in Dutch).",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "crisis",
        20,
        phone="106",
        url="https://www.tele-onthaal.be/",
        checked=False,
        nl=text(
            "Tele-Onthaal",
            "Anoniem praten over wat je bezighoudt, groot of klein.",
            SEE_SITE_NL,
        ),
        en=text(
            "Tele-Onthaal",
            "Talk anonymously about whatever is on your mind, big or small (in Dutch).",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "BE",
        "for_people_who_use_violence",
        10,
        phone="1712",
        url="https://www.1712.be/",
        source="https://www.1712.be/nl/over-1712",
        nl=text(
            "Gebruik je zelf geweld?",
            "1712 is er ook voor wie (soms) geweld gebruikt en wil stoppen.",
            SEE_SITE_NL,
        ),
        en=text(
            "Do you use violence yourself?",
            "1712 is also there for people who (sometimes) use violence and want to stop.",
            SEE_SITE_EN,
        ),
    ),
    # United Kingdom
    entry(
        "GB",
        "emergency",
        10,
        phone="999",
        open_24_7=True,
        source="https://www.iow.gov.uk/housing-and-adult-social-care/adult-social-care/adult-safeguarding/immediate-danger/",
        nl=text(
            "Alarmnummer 999",
            "In direct gevaar: bel 999. Kun je niet praten? Bel 999 vanaf je mobiel, blijf aan "
            "de lijn, luister, en druk 55 als daarom gevraagd wordt (de 'Silent Solution').",
            H24_NL,
        ),
        en=text(
            "Emergency number 999",
            "In immediate danger: call 999. Cannot speak? Call 999 from your mobile, stay on "
            "the line, listen, and press 55 when asked (the Silent Solution).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "domestic_abuse",
        10,
        phone="08082000247",
        phone_display="0808 2000 247",
        url="https://www.nationaldahelpline.org.uk/",
        chat_url="https://www.nationaldahelpline.org.uk/",
        open_24_7=True,
        source="https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19",
        nl=text(
            "National Domestic Abuse Helpline (Refuge)",
            "Gratis, vertrouwelijke hulplijn voor vrouwen die huiselijk geweld meemaken "
            "(Engeland). Via de website kun je ook een veilig moment kiezen om teruggebeld te "
            "worden.",
            "Bellen: 24 uur per dag. Chat: op vaste tijden, zie de website.",
        ),
        en=text(
            "National Domestic Abuse Helpline (Refuge)",
            "Free, confidential helpline for women experiencing domestic abuse (England). On "
            "the website you can also pick a safe time to be called back.",
            "Phone: 24 hours a day. Chat: at set times, see the website.",
        ),
    ),
    entry(
        "GB",
        "domestic_abuse",
        20,
        phone="08000271234",
        phone_display="0800 027 1234",
        url="https://sdafmh.org.uk/",
        chat_url="https://sdafmh.org.uk/",
        open_24_7=True,
        source="https://safer.scot/information/da/report/",
        nl=text(
            "Scotland's Domestic Abuse and Forced Marriage Helpline",
            "Gratis hulplijn voor iedereen die huiselijk geweld of een gedwongen huwelijk "
            "meemaakt (Schotland), ook per e-mail en chat.",
            H24_NL,
        ),
        en=text(
            "Scotland's Domestic Abuse and Forced Marriage Helpline",
            "Free helpline for anyone experiencing domestic abuse or forced marriage "
            "(Scotland), also by email and chat.",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "domestic_abuse",
        30,
        phone="08088010800",
        phone_display="0808 80 10 800",
        url="https://www.gov.wales/live-fear-free",
        chat_url="https://www.gov.wales/live-fear-free",
        open_24_7=True,
        source="https://www.gov.wales/live-fear-free/sexual-violence",
        nl=text(
            "Live Fear Free",
            "Gratis, vertrouwelijke hulp bij huiselijk en seksueel geweld (Wales).",
            H24_NL,
            "Sms naar 07860 077333.",
        ),
        en=text(
            "Live Fear Free",
            "Free, confidential help with domestic abuse and sexual violence (Wales).",
            H24_EN,
            "Text 07860 077333.",
        ),
    ),
    entry(
        "GB",
        "domestic_abuse",
        40,
        phone="08088021414",
        phone_display="0808 802 1414",
        url="https://dsahelpline.org/",
        open_24_7=True,
        source="https://www.victimsupportni.com/help-for-victims/domestic-violence",
        nl=text(
            "Domestic and Sexual Abuse Helpline",
            "Gratis, vertrouwelijke hulplijn bij huiselijk en seksueel geweld (Noord-Ierland).",
            H24_NL,
        ),
        en=text(
            "Domestic and Sexual Abuse Helpline",
            "Free, confidential helpline for domestic and sexual abuse (Northern Ireland).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "sexual_violence",
        10,
        phone="08085002222",
        phone_display="0808 500 2222",
        url="https://247sexualabusesupport.org.uk/",
        chat_url="https://247sexualabusesupport.org.uk/",
        open_24_7=True,
        source="https://247sexualabusesupport.org.uk/faqs/",
        checked=False,
        nl=text(
            "Rape Crisis 24/7 Support Line",
            "Gratis telefoon en chat voor iedereen vanaf 16 jaar die seksueel geweld heeft "
            "meegemaakt, hoe lang geleden ook (Engeland en Wales).",
            H24_NL,
        ),
        en=text(
            "Rape Crisis 24/7 Support Line",
            "Free phone and chat for anyone aged 16 or over affected by sexual violence, "
            "however long ago (England and Wales).",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "lgbt",
        10,
        phone="08009995428",
        phone_display="0800 999 5428",
        url="https://galop.org.uk/",
        source="https://hellorayo.co.uk/hits-radio/uk/news/new-lgbt-abuse-helpline-launched",
        nl=text(
            "Galop",
            "Hulplijn voor lhbt+ mensen bij partnergeweld en seksueel geweld; je praat met "
            "iemand die zelf lhbt+ is.",
            "Ma-do 10.00-20.30, vr 10.00-16.30",
        ),
        en=text(
            "Galop",
            "Helpline for LGBT+ people facing domestic abuse or sexual violence; your call is "
            "answered by someone who is LGBT+ too.",
            "Mon-Thu 10:00-20:30, Fri 10:00-16:30",
        ),
    ),
    entry(
        "GB",
        "men",
        10,
        phone="08088010327",
        phone_display="0808 801 0327",
        url="https://mensadviceline.org.uk/",
        source="https://studylib.net/doc/10981472/talk-it-over-help-and-support-for-male-victims-of",
        nl=text(
            "Men's Advice Line",
            "Gratis, vertrouwelijke hulplijn voor mannen die huiselijk geweld meemaken.",
            SEE_SITE_NL,
        ),
        en=text(
            "Men's Advice Line",
            "Free, confidential helpline for men experiencing domestic abuse.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "GB",
        "crisis",
        10,
        phone="116123",
        phone_display="116 123",
        url="https://www.samaritans.org/",
        open_24_7=True,
        source="https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        nl=text(
            "Samaritans",
            "Praat met iemand over wat je bezighoudt, ook over zelfdoding. Gratis, ook zonder "
            "beltegoed.",
            H24_NL,
        ),
        en=text(
            "Samaritans",
            "Talk to someone about whatever you are going through, including thoughts of "
            "suicide. Free, even without credit.",
            H24_EN,
        ),
    ),
    entry(
        "GB",
        "for_people_who_use_violence",
        10,
        phone="08088024040",
        phone_display="0808 802 4040",
        url="https://respectphoneline.org.uk/",
        source="https://makeachange.uk.net/for-a-friend-family-or-community-member-copy",
        nl=text(
            "Respect Phoneline",
            "Vertrouwelijke hulp voor wie zich zorgen maakt over het eigen gewelddadige of "
            "controlerende gedrag.",
            "Ma-do 10.00-20.00, vr 10.00-17.00",
        ),
        en=text(
            "Respect Phoneline",
            "Confidential help for people worried about their own abusive or controlling "
            "behaviour.",
            "Mon-Thu 10:00-20:00, Fri 10:00-17:00",
        ),
    ),
    # United States
    entry(
        "US",
        "emergency",
        10,
        phone="911",
        open_24_7=True,
        source="https://rare.us/rare-life/911-text/",
        nl=text(
            "Alarmnummer 911",
            "In direct gevaar: bel 911.",
            H24_NL,
            "Kun je niet veilig bellen? Op veel plaatsen kun je een sms sturen naar 911; waar "
            "dat niet kan, krijg je een bericht terug.",
        ),
        en=text(
            "Emergency number 911",
            "In immediate danger: call 911.",
            H24_EN,
            "If calling isn't safe, in many areas you can text 911; where you can't, you get "
            "a message back saying so.",
        ),
    ),
    entry(
        "US",
        "domestic_abuse",
        10,
        phone="18007997233",
        phone_display="1-800-799-7233",
        url="https://www.thehotline.org/",
        chat_url="https://www.thehotline.org/",
        open_24_7=True,
        source="https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts",
        nl=text(
            "National Domestic Violence Hotline",
            "Gratis en vertrouwelijke hulp bij huiselijk geweld, per telefoon, sms of chat.",
            H24_NL,
            "Sms START naar 88788.",
        ),
        en=text(
            "National Domestic Violence Hotline",
            "Free, confidential help with domestic violence, by phone, text or chat.",
            H24_EN,
            "Text START to 88788.",
        ),
    ),
    entry(
        "US",
        "sexual_violence",
        10,
        phone="18006564673",
        phone_display="1-800-656-4673",
        url="https://rainn.org/",
        chat_url="https://rainn.org/",
        open_24_7=True,
        source="https://rainn.org/get-help/national-sexual-assault-hotline",
        nl=text(
            "RAINN National Sexual Assault Hotline",
            "Gratis en vertrouwelijk, na seksueel geweld; je wordt doorverbonden met een "
            "centrum bij jou in de buurt. Ook per chat.",
            H24_NL,
        ),
        en=text(
            "RAINN National Sexual Assault Hotline",
            "Free and confidential, after sexual violence; you are put through to a centre "
            "near you. Chat too.",
            H24_EN,
        ),
    ),
    entry(
        "US",
        "lgbt",
        10,
        phone="18664887386",
        phone_display="1-866-488-7386",
        url="https://www.thetrevorproject.org/",
        open_24_7=True,
        source="https://boundarysolutions.wixsite.com/online/post/mental-health-resources-to-support-the-lgbtq",
        nl=text(
            "The Trevor Project",
            "Crisishulp voor lhbtq+ jongeren onder de 25, per telefoon, sms of chat.",
            H24_NL,
            "Sms START naar 678-678.",
        ),
        en=text(
            "The Trevor Project",
            "Crisis support for LGBTQ+ young people under 25, by phone, text or chat.",
            H24_EN,
            "Text START to 678-678.",
        ),
    ),
    entry(
        "US",
        "crisis",
        10,
        phone="988",
        url="https://988lifeline.org/",
        chat_url="https://988lifeline.org/",
        open_24_7=True,
        source="https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline",
        nl=text(
            "988 Suicide & Crisis Lifeline",
            "Bel, sms of chat met 988 bij een crisis of als je aan zelfdoding denkt. Gratis en "
            "vertrouwelijk.",
            H24_NL,
            "Sms naar 988.",
        ),
        en=text(
            "988 Suicide & Crisis Lifeline",
            "Call, text or chat 988 in a crisis or if you are thinking about suicide. Free and "
            "confidential.",
            H24_EN,
            "Text 988.",
        ),
    ),
    entry(
        "US",
        "safety_planning",
        10,
        phone="18007997233",
        phone_display="1-800-799-7233",
        url="https://www.thehotline.org/",
        open_24_7=True,
        source="https://areachbeyondthesurface.org/the-national-domestic-violence-hotline-a-lifeline-for-those-in-crisis",
        nl=text(
            "Een veiligheidsplan maken",
            "De medewerkers van The Hotline maken met je een veiligheidsplan, of je nu blijft "
            "of weggaat.",
            H24_NL,
        ),
        en=text(
            "Making a safety plan",
            "Advocates at The Hotline make a safety plan with you, whether you stay or leave.",
            H24_EN,
        ),
    ),
    entry(
        "US",
        "for_people_who_use_violence",
        10,
        phone="18007997233",
        phone_display="1-800-799-7233",
        url="https://www.thehotline.org/",
        open_24_7=True,
        source="https://en.wikipedia.org/wiki/National_Domestic_Violence_Hotline",
        nl=text(
            "Maak je je zorgen over je eigen gedrag?",
            "Ook wie merkt dat het eigen gedrag kwetsend of gewelddadig wordt, kan The Hotline "
            "bellen.",
            H24_NL,
        ),
        en=text(
            "Worried about your own behaviour?",
            "People who notice their own behaviour becoming abusive can call The Hotline too.",
            H24_EN,
        ),
    ),
    # Germany
    entry(
        "DE",
        "emergency",
        10,
        phone="110",
        open_24_7=True,
        source="https://www.feuerwehr-klinga.de/infothek/notruf/",
        nl=text("Politie 110", "In direct gevaar: bel 110 voor de politie. Gratis.", H24_NL),
        en=text("Police 110", "In immediate danger: call 110 for the police. Free.", H24_EN),
    ),
    entry(
        "DE",
        "emergency",
        20,
        phone="112",
        open_24_7=True,
        source="https://www.feuerwehr-klinga.de/infothek/notruf/",
        nl=text("Noodnummer 112", "Ambulance en brandweer: bel 112. Gratis.", H24_NL),
        en=text("Emergency number 112", "Ambulance and fire brigade: call 112. Free.", H24_EN),
    ),
    entry(
        "DE",
        "domestic_abuse",
        10,
        phone="116016",
        phone_display="116 016",
        url="https://www.hilfetelefon.de/",
        chat_url="https://www.hilfetelefon.de/",
        open_24_7=True,
        source="https://www.hilfetelefon.de/das-hilfetelefon/angebot-im-ueberblick.html",
        nl=text(
            "Hilfetelefon Gewalt gegen Frauen",
            "Gratis, anonieme hulp voor vrouwen bij elke vorm van geweld, in veel talen, ook "
            "per chat en e-mail, wat je seksuele oriëntatie of identiteit ook is.",
            H24_NL,
        ),
        en=text(
            "Hilfetelefon Gewalt gegen Frauen (violence against women helpline)",
            "Free, anonymous help for women facing any kind of violence, in many languages, "
            "also by chat and email, whatever your sexual orientation or identity.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "sexual_violence",
        10,
        phone="116016",
        phone_display="116 016",
        url="https://www.hilfetelefon.de/",
        chat_url="https://www.hilfetelefon.de/",
        open_24_7=True,
        source="https://www.bmfsfj.de/bmfsfj/aktuelles/alle-meldungen/hilfetelefon-beraet-von-gewalt-betroffene-frauen/83442",
        nl=text(
            "Hilfetelefon, ook na seksueel geweld",
            "Het Hilfetelefon helpt ook na verkrachting of andere seksuele grensoverschrijding, "
            "gratis en anoniem.",
            H24_NL,
        ),
        en=text(
            "Hilfetelefon, also after sexual violence",
            "The Hilfetelefon also helps after rape or other sexual assault, free and anonymously.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "sexual_violence",
        20,
        phone="08002255530",
        phone_display="0800 22 55 530",
        source="https://www.bundesregierung.de/breg-de/aktuelles/hilfetelefon-sexueller-kindesmissbrauch-2275784",
        nl=text(
            "Hilfetelefon Sexueller Missbrauch",
            "Gratis en anoniem, voor wie als kind of jongere seksueel geweld meemaakte (ook nu "
            "je volwassen bent) en voor wie zich zorgen maakt om een kind.",
            SEE_SITE_NL,
        ),
        en=text(
            "Hilfetelefon Sexueller Missbrauch",
            "Free and anonymous, for people who experienced sexual abuse as a child or young "
            "person (also as adults now) and for anyone worried about a child.",
            SEE_SITE_EN,
        ),
    ),
    entry(
        "DE",
        "men",
        10,
        phone="08001239900",
        phone_display="0800 123 99 00",
        url="https://www.maennerhilfetelefon.de/",
        chat_url="https://www.maennerhilfetelefon.de/",
        source="https://landkreis-heidenheim.de/hilfetelefon+_gewalt+gegen+frauen_+und+_gewalt+an+maennern_",
        nl=text(
            "Hilfetelefon Gewalt an Männern",
            "Hulp voor mannen die huiselijk of seksueel geweld meemaken, ook per chat.",
            "Ma-do 8.00-20.00, vr 8.00-15.00",
        ),
        en=text(
            "Hilfetelefon Gewalt an Männern (helpline for men)",
            "Help for men experiencing domestic or sexual violence, chat too.",
            "Mon-Thu 08:00-20:00, Fri 08:00-15:00",
        ),
    ),
    entry(
        "DE",
        "crisis",
        10,
        phone="08001110111",
        phone_display="0800 111 0 111",
        url="https://www.telefonseelsorge.de/",
        chat_url="https://www.telefonseelsorge.de/",
        open_24_7=True,
        source="https://www.domradio.de/artikel/telefonseelsorge-jetzt-unter-oekumenischem-dachverband",
        nl=text(
            "TelefonSeelsorge",
            "Gratis en anoniem praten over wat je bezighoudt, ook over zelfdoding.",
            H24_NL,
        ),
        en=text(
            "TelefonSeelsorge",
            "Talk free and anonymously about whatever is on your mind, including thoughts of "
            "suicide.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "crisis",
        20,
        phone="08001110222",
        phone_display="0800 111 0 222",
        url="https://www.telefonseelsorge.de/",
        open_24_7=True,
        source="https://www.domradio.de/artikel/telefonseelsorge-jetzt-unter-oekumenischem-dachverband",
        nl=text(
            "TelefonSeelsorge (tweede nummer)",
            "Hetzelfde gratis, anonieme gesprek; bel dit nummer als het eerste bezet is.",
            H24_NL,
        ),
        en=text(
            "TelefonSeelsorge (second number)",
            "The same free, anonymous conversation; call this number if the first is busy.",
            H24_EN,
        ),
    ),
    entry(
        "DE",
        "for_people_who_use_violence",
        10,
        url="https://www.bag-taeterarbeit.de/",
        checked=False,
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
        open_24_7=True,
        source="https://www.news.lt/Law-And-Order-Crime/Need-help-Dial-112.im?f=c&id=189320&p=12",
        nl=text(
            "Het alarmnummer van je land",
            "In direct gevaar: bel het alarmnummer van het land waar je bent. 112 werkt gratis "
            "in de hele Europese Unie, naast de nummers van het land zelf.",
        ),
        en=text(
            "Your country's emergency number",
            "In immediate danger: call the emergency number of the country you are in. 112 "
            "works free of charge throughout the European Union, alongside national numbers.",
        ),
    ),
    entry(
        "",
        "domestic_abuse",
        10,
        url="https://findahelpline.com/",
        checked=False,
        nl=text(
            "Find A Helpline",
            "Vind gratis, vertrouwelijke hulplijnen in je eigen land, ook bij huiselijk geweld.",
        ),
        en=text(
            "Find A Helpline",
            "Find free, confidential helplines in your own country, including for domestic abuse.",
        ),
    ),
    entry(
        "",
        "info",
        10,
        url="https://www.hotpeachpages.net/",
        checked=False,
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
        "for_people_who_use_violence",
        10,
        url="https://www.work-with-perpetrators.eu/",
        checked=False,
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
