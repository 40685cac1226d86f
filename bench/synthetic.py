"""A synthetic territory of N offers, deterministic, for benchmarks and scale tests.

    python bench/synthetic.py DIR [--offers 2400] [--seed 0]

or, as a library::

    from bench.synthetic import make_territory
    make_territory(tmp_path, 2400)

The project follows the demo (``/site_config.yml`` + ``content/`` at the repository root) and
``shared/content-model.md``: six sectors, N job files spread over sectors, contracts and cities
(about 5 % expired at the reference date 2026-11-23), events (N/50, at least 10, past and
upcoming, webinars with a replay), testimonials (N/100, at least 5), campaigns (max(2, N/500))
with 3 to 5 placements each, three free pages and a few media files copied from the demo.
Same ``offers`` and ``seed``: the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

REFERENCE_DATE = date(2026, 11, 23)  # the ``--today`` the expiry of offers is computed against
EXPIRED_SHARE = 0.05
DEFAULT_OFFERS = 2400  # the order of magnitude of a département (Hautes-Alpes)
MARKER = ".territoire-bench"  # a folder holding it was made here and may be overwritten

REPO = Path(__file__).resolve().parent.parent
DEMO_MEDIA = REPO / "content" / "media"

SECTORS = {
    "sante": "Santé",
    "btp": "Bâtiment et travaux publics",
    "tourisme-hotellerie": "Tourisme, hôtellerie et restauration",
    "industrie": "Industrie",
    "agriculture": "Agriculture et agroalimentaire",
    "commerce-artisanat": "Commerce et artisanat",
}
SECTOR_WEIGHTS = {"sante": 24, "btp": 18, "tourisme-hotellerie": 19, "industrie": 14, "agriculture": 12, "commerce-artisanat": 13}

# (name, postal code, weight): the prefecture and the bourgs-centres get most offers.
CITIES = [
    ("Bellerive-du-Vallon", "19100", 30), ("Saint-Orcel", "19200", 14), ("Lavaure", "19410", 12),
    ("Le Grand-Serre", "19690", 9), ("Pradelles-le-Haut", "19560", 6), ("Montclar-sur-Vallonne", "19120", 6),
    ("Villefranche-de-Serre", "19300", 6), ("Saint-Amant-des-Prés", "19330", 4), ("Roche-Aiguille", "19700", 3),
    ("Chambeyrac", "19250", 4), ("Vernet-le-Bas", "19140", 3), ("Castelnau-d’Orcel", "19210", 3),
    ("Le Pont-de-Vallonne", "19160", 4), ("Fontvieille-du-Plateau", "19580", 2), ("Les Granges-de-Serre", "19695", 2),
    ("Saint-Julien-la-Forêt", "19340", 2), ("Mirabel-sur-Orcel", "19220", 3), ("Cazelles", "19420", 2),
    ("Les Hautes-Terres", "19570", 3), ("Aiguebelle-du-Vallon", "19130", 2), ("Saint-Privat-des-Monts", "19680", 1),
    ("Lanuéjols-le-Vieux", "19590", 1), ("Marsac-sur-Vallonne", "19150", 2), ("La Bastide-d’Orcel", "19230", 2),
]
FAR_CITIES = [  # where job datings and testimonials come from
    ("Paris", "75011"), ("Lyon", "69003"), ("Marseille", "13001"), ("Lille", "59000"), ("Nantes", "44000"),
    ("Bordeaux", "33000"), ("Toulouse", "31000"), ("Grenoble", "38000"), ("Clermont-Ferrand", "63000"),
    ("Strasbourg", "67000"), ("Rennes", "35000"), ("Montpellier", "34000"),
]
FAMILIES = ["Mazel", "Rouvière", "Chabrol", "Delorme", "Vidal", "Teyssier", "Bouchet", "Lafont", "Marcou", "Pradal",
            "Castel", "Fabre", "Roussel", "Aurand", "Brunel", "Cros", "Sabatier", "Valette", "Jouve", "Malzac"]
HOUSES = ["Les Tilleuls", "Les Genêts", "Le Clos fleuri", "Les Jardins de la Vallonne", "La Roseraie", "Les Myrtilles",
          "Le Belvédère", "Les Bruyères", "La Source", "Les Hauts de Serre"]
PLACES = ["du Col", "de la Vallonne", "des Hautes-Terres", "du Grand-Serre", "du Moulin", "des Cimes", "du Plateau",
          "de la Forêt", "du Lac", "des Trois-Sources", "du Vieux Pont", "de la Gare"]

# --- jobs --------------------------------------------------------------------------------
# title, contracts allowed (weighted by CONTRACT_WEIGHTS), salary (period, low, high) or None

CONTRACT_WEIGHTS = {"cdi": 42, "cdd": 18, "saisonnier": 12, "interim": 8, "alternance": 7, "stage": 4, "liberal": 6, "reprise": 5}

TITLES = {
    "sante": [
        ("Infirmier·e en soins généraux", ["cdi", "cdd", "interim"], ("month", 2100, 2900)),
        ("Aide-soignant·e de jour", ["cdi", "cdd", "interim"], ("month", 1900, 2250)),
        ("Aide-soignant·e – renfort d’été", ["saisonnier", "cdd"], ("month", 1900, 2100)),
        ("Infirmier·e de bloc opératoire", ["cdi"], ("month", 2400, 3200)),
        ("Sage-femme", ["cdi", "cdd"], ("month", 2500, 3300)),
        ("Manipulateur·rice en électroradiologie", ["cdi", "cdd"], ("month", 2200, 2900)),
        ("Auxiliaire de vie sociale", ["cdi", "cdd"], ("hour", 11.9, 13.5)),
        ("Agent·e de service hospitalier", ["cdd", "cdi"], ("month", 1800, 1950)),
        ("Préparateur·rice en pharmacie", ["cdi", "alternance"], ("month", 1950, 2400)),
        ("Secrétaire médical·e", ["cdi", "cdd", "stage"], ("month", 1850, 2200)),
        ("Médecin généraliste", ["liberal"], None),
        ("Masseur·se-kinésithérapeute", ["liberal", "cdi"], ("year", 36000, 48000)),
        ("Orthophoniste", ["liberal"], None),
        ("Chirurgien·ne-dentiste", ["liberal"], None),
        ("Infirmier·e libéral·e (succession de patientèle)", ["liberal"], None),
    ],
    "btp": [
        ("Conducteur·rice de travaux tous corps d’état", ["cdi"], ("year", 40000, 54000)),
        ("Maçon·ne coffreur·se", ["cdi", "interim", "cdd"], ("hour", 12.8, 16.5)),
        ("Chef·fe de chantier gros œuvre", ["cdi"], ("month", 2600, 3400)),
        ("Électricien·ne du bâtiment", ["cdi", "interim", "alternance"], ("month", 2000, 2600)),
        ("Plombier·ère chauffagiste", ["cdi", "interim", "alternance"], ("month", 2050, 2700)),
        ("Charpentier·ère couvreur·se", ["cdi", "cdd", "alternance"], ("month", 2000, 2650)),
        ("Menuisier·ère poseur·se", ["cdi", "interim"], ("month", 1950, 2500)),
        ("Conducteur·rice d’engins de travaux publics", ["cdi", "cdd", "interim"], ("hour", 13.0, 16.0)),
        ("Apprenti·e couvreur·se zingueur·se (CAP)", ["alternance"], None),
        ("Technicien·ne bureau d’études thermiques", ["cdi", "stage"], ("year", 32000, 40000)),
        ("Reprise d’une entreprise de maçonnerie", ["reprise"], None),
    ],
    "tourisme-hotellerie": [
        ("Second·e de cuisine", ["cdi", "saisonnier"], ("month", 2000, 2500)),
        ("Commis de cuisine", ["saisonnier", "cdd", "alternance"], ("month", 1800, 1950)),
        ("Réceptionniste d’hôtel", ["saisonnier", "cdi", "cdd"], ("month", 1850, 2100)),
        ("Serveur·se en restauration", ["saisonnier", "cdd", "cdi"], ("month", 1800, 2050)),
        ("Agent·e d’exploitation des remontées mécaniques", ["saisonnier"], ("hour", 12.1, 13.4)),
        ("Moniteur·rice de ski", ["saisonnier"], ("hour", 25.0, 38.0)),
        ("Animateur·rice de village vacances", ["saisonnier", "cdd", "stage"], ("month", 1800, 1950)),
        ("Gouvernant·e d’hôtel", ["cdi", "saisonnier"], ("month", 1950, 2300)),
        ("Chef·fe de rang", ["cdi", "saisonnier"], ("month", 1900, 2300)),
        ("Conseiller·ère en séjour (office de tourisme)", ["cdd", "saisonnier", "stage"], ("month", 1800, 2000)),
        ("Reprise d’une auberge de montagne", ["reprise"], None),
        ("Reprise d’un camping trois étoiles", ["reprise"], None),
    ],
    "industrie": [
        ("Technicien·ne de maintenance industrielle", ["cdi", "interim", "alternance"], ("month", 2100, 2800)),
        ("Opérateur·rice sur commande numérique", ["cdi", "interim"], ("month", 1900, 2400)),
        ("Régleur·se sur presses d’injection", ["cdi", "interim"], ("month", 2000, 2500)),
        ("Soudeur·se qualifié·e", ["cdi", "interim", "cdd"], ("hour", 13.0, 16.5)),
        ("Responsable qualité", ["cdi"], ("year", 38000, 48000)),
        ("Ingénieur·e méthodes", ["cdi"], ("year", 40000, 52000)),
        ("Conducteur·rice de ligne de production", ["cdi", "interim", "cdd"], ("month", 1900, 2300)),
        ("Agent·e logistique (cariste)", ["cdi", "interim", "cdd"], ("hour", 11.9, 13.2)),
        ("Dessinateur·rice projeteur·se", ["cdi", "alternance", "stage"], ("year", 30000, 38000)),
        ("Électrotechnicien·ne", ["cdi", "alternance"], ("month", 2100, 2700)),
    ],
    "agriculture": [
        ("Opérateur·rice d’affinage en fromagerie", ["cdi", "cdd"], ("month", 1850, 2100)),
        ("Salarié·e agricole en élevage ovin", ["cdi", "cdd", "saisonnier"], ("month", 1800, 2100)),
        ("Agent·e de production en salaisonnerie", ["cdi", "interim"], ("month", 1850, 2050)),
        ("Ouvrier·ère agricole – récolte des fruits rouges", ["saisonnier"], ("hour", 11.88, 12.5)),
        ("Technicien·ne de laboratoire laitier", ["cdi", "alternance"], ("month", 2000, 2500)),
        ("Conducteur·rice de tracteur", ["saisonnier", "cdd"], ("hour", 12.0, 14.0)),
        ("Chef·fe de culture maraîchère", ["cdi"], ("month", 2100, 2600)),
        ("Commercial·e en produits du terroir", ["cdi", "stage"], ("year", 28000, 36000)),
        ("Reprise d’une exploitation ovine", ["reprise"], None),
        ("Reprise d’une ferme laitière avec transformation", ["reprise"], None),
    ],
    "commerce-artisanat": [
        ("Boulanger·ère", ["cdi", "cdd", "alternance"], ("month", 1900, 2300)),
        ("Boucher·ère charcutier·ère", ["cdi", "alternance"], ("month", 2000, 2500)),
        ("Vendeur·se en magasin de sport", ["saisonnier", "cdd", "cdi"], ("month", 1800, 2000)),
        ("Mécanicien·ne automobile", ["cdi", "alternance"], ("month", 1950, 2500)),
        ("Coiffeur·se", ["cdi", "alternance"], ("month", 1800, 2100)),
        ("Employé·e libre-service", ["cdi", "cdd", "interim"], ("hour", 11.9, 12.6)),
        ("Responsable de magasin", ["cdi"], ("year", 30000, 38000)),
        ("Fleuriste", ["cdi", "cdd", "alternance"], ("month", 1800, 2000)),
        ("Reprise d’une boulangerie-pâtisserie", ["reprise"], None),
        ("Reprise d’un commerce multiservice", ["reprise"], None),
        ("Reprise d’un salon de coiffure", ["reprise"], None),
    ],
}

EMPLOYERS = {
    "sante": ["Centre hospitalier de {city}", "Hôpital de proximité de {city}", "EHPAD {house}", "Maison de santé pluriprofessionnelle de {city}",
              "Clinique {house}", "Service de soins infirmiers à domicile de {city}", "Pharmacie {place}", "Centre de rééducation {house}"],
    "btp": ["{family} Bâtiment", "Entreprise {family} et fils", "{family} Travaux publics", "Charpentes {family}",
            "Électricité {family}", "Menuiserie {family}", "Vallon Bâtiment", "SCOP Bâtisseurs {place}"],
    "tourisme-hotellerie": ["Hôtel {place}", "Restaurant Le Balcon {place}", "Camping {house}", "Régie des remontées mécaniques du Grand-Serre",
                            "Office de tourisme de {city}", "Auberge {place}", "Village vacances {house}", "École de ski du Grand-Serre"],
    "industrie": ["Mécanique de précision du Vallon", "{family} Industries", "Plasturgie {family}", "Scierie {family}",
                  "Fonderie de {city}", "{family} Composants", "Usinage {family}", "Électromécanique {place}"],
    "agriculture": ["Fromagerie {place}", "GAEC {family}", "Coopérative laitière des Hautes-Terres", "Salaisons {family}",
                    "Domaine {place}", "Brasserie {place}", "Vergers {family}", "Maraîchers {place}"],
    "commerce-artisanat": ["Boulangerie {family}", "Boucherie {family}", "Sports {place}", "Garage {family}",
                           "Quincaillerie {family}", "Salon {family} Coiffure", "Supermarché de {city}", "Fleurs {place}"],
}
EMPLOYER_LOGOS = {  # the demo's logos, for the employers they belong to
    "Centre hospitalier de Bellerive-du-Vallon": "ch-bellerive.png",
    "Régie des remontées mécaniques du Grand-Serre": "grand-serre-remontees.png",
}

INTROS = {
    "sante": [
        "{employer} accueille chaque année des milliers de patients du Haut-Vallon et recrute pour renforcer ses équipes à {city}.",
        "Établissement à taille humaine, {employer} réunit {n} professionnels autour d’un projet de soins centré sur le patient.",
        "À {city}, {employer} a rénové ses locaux en 2025 et ouvre de nouveaux postes pour accompagner l’arrivée de nouveaux habitants.",
        "Nos équipes travaillent en lien étroit avec les médecins de ville, le centre hospitalier de Bellerive et les services à domicile.",
        "{employer} prend en charge des patients de tous âges, du suivi de grossesse à l’accompagnement de la fin de vie.",
        "Le service compte {n} lits et une équipe pluridisciplinaire stable, dont beaucoup de membres sont arrivés d’une grande ville.",
    ],
    "btp": [
        "Entreprise familiale de {n} salariés, {employer} construit et rénove logements, écoles et bâtiments agricoles dans tout le Haut-Vallon.",
        "{employer} intervient sur des chantiers de rénovation énergétique et de restauration du patrimoine autour de {city}.",
        "Nos chantiers sont tous à moins d’une heure de {city} : vous rentrez chez vous chaque soir.",
        "Depuis trente ans, {employer} travaille pour les communes, les bailleurs sociaux et les particuliers du territoire.",
        "Le carnet de commandes est rempli pour les deux prochaines années, notamment grâce aux programmes de rénovation des écoles.",
    ],
    "tourisme-hotellerie": [
        "{employer} accueille une clientèle familiale et sportive, l’hiver comme l’été, à deux pas des sentiers et des pistes.",
        "À {city}, {employer} propose une cuisine de saison qui fait la part belle aux producteurs du plateau.",
        "Notre établissement de {n} chambres est ouvert toute l’année et recrute pour la prochaine saison.",
        "{employer} emploie jusqu’à {n} saisonniers l’hiver ; beaucoup reviennent l’été, certains restent à l’année.",
        "Entre rivière et montagne, {employer} fait découvrir le Haut-Vallon à des visiteurs venus de toute l’Europe.",
    ],
    "industrie": [
        "{employer} conçoit et fabrique des pièces pour l’aéronautique, le ferroviaire et le médical, et exporte dans vingt pays.",
        "Implantée à {city} depuis 1978, {employer} compte {n} salariés et investit dans un nouvel atelier.",
        "Notre site de production tourne en deux équipes, avec des horaires fixes qui laissent le temps de profiter du territoire.",
        "{employer} forme elle-même une partie de ses techniciens, avec le lycée professionnel et le centre de formation de Bellerive.",
        "Entreprise indépendante, {employer} a doublé ses effectifs en dix ans et recrute sur tous ses métiers.",
    ],
    "agriculture": [
        "{employer} transforme chaque année le lait de {n} exploitations du plateau des Hautes-Terres.",
        "Exploitation familiale installée à {city}, {employer} élève des brebis et vend ses produits en circuit court.",
        "Nos produits sont vendus sur les marchés du territoire, dans les épiceries fines de Lyon et en ligne.",
        "{employer} a obtenu le label bio en 2022 et développe une nouvelle gamme de produits transformés.",
        "Le travail suit le rythme des saisons : agnelages au printemps, estives l’été, affinage à l’automne.",
    ],
    "commerce-artisanat": [
        "{employer} est une adresse connue de tout {city}, ouverte six jours sur sept au cœur du bourg.",
        "Commerce indépendant de {n} salariés, {employer} mise sur le conseil et les produits locaux.",
        "À {city}, {employer} sert une clientèle fidèle d’habitants et, l’hiver comme l’été, de vacanciers.",
        "{employer} recrute pour accompagner l’ouverture d’un second point de vente dans la vallée.",
        "Notre équipe de {n} personnes travaille dans une ambiance familiale et forme volontiers ses nouveaux collègues.",
    ],
}

MISSIONS = {
    "sante": [
        "assurer les soins techniques et relationnels auprès des patients", "participer aux transmissions écrites et orales",
        "accueillir les patients et leurs familles", "travailler en binôme avec les aides-soignants et les infirmiers",
        "contribuer au projet de soins individualisé de chaque résident", "assurer la traçabilité des soins dans le dossier patient",
        "participer à l’encadrement des étudiants en stage", "veiller au confort et à la sécurité des patients",
        "prendre part aux réunions pluridisciplinaires", "participer aux actions de prévention dans les écoles du secteur",
    ],
    "btp": [
        "réaliser les travaux de gros œuvre et de second œuvre selon les plans", "préparer et sécuriser le chantier",
        "lire les plans et organiser son poste de travail", "encadrer une équipe de deux à quatre compagnons",
        "suivre l’approvisionnement en matériaux", "assurer le lien avec les autres corps d’état",
        "réaliser les finitions et la réception des ouvrages", "veiller au respect des règles de sécurité",
        "participer aux chantiers de rénovation énergétique", "entretenir le matériel et les véhicules",
    ],
    "tourisme-hotellerie": [
        "accueillir et conseiller une clientèle française et étrangère", "préparer les mises en place et le service",
        "participer à l’élaboration de la carte avec le chef", "assurer l’entretien des chambres et des espaces communs",
        "gérer les réservations et les arrivées", "animer des activités pour les enfants et les familles",
        "veiller à la sécurité des clients sur les installations", "respecter les normes d’hygiène et de sécurité alimentaire",
        "participer à l’inventaire et aux commandes", "faire découvrir les produits du plateau",
    ],
    "industrie": [
        "conduire et surveiller les machines de production", "réaliser les réglages et les changements de série",
        "contrôler la qualité des pièces produites", "assurer la maintenance préventive et curative des équipements",
        "participer aux démarches d’amélioration continue", "renseigner les documents de suivi de production",
        "former les nouveaux opérateurs au poste", "proposer des améliorations des méthodes de travail",
        "travailler avec le bureau d’études sur les nouveaux produits", "respecter les consignes de sécurité et d’environnement",
    ],
    "agriculture": [
        "participer à la traite et aux soins des animaux", "assurer l’affinage et le retournement des fromages",
        "conduire les engins agricoles", "entretenir les clôtures, les bâtiments et le matériel",
        "préparer les commandes et les livraisons", "participer aux récoltes et au conditionnement",
        "tenir les marchés du week-end", "veiller à l’hygiène de la salle de transformation",
        "suivre les cultures et l’irrigation", "participer à la vente directe à la ferme",
    ],
    "commerce-artisanat": [
        "accueillir et conseiller la clientèle", "assurer la fabrication selon les recettes de la maison",
        "mettre en rayon et présenter les produits", "tenir la caisse et les commandes",
        "participer aux inventaires", "préparer les commandes des professionnels",
        "entretenir le magasin et le matériel", "proposer de nouveaux produits de saison",
        "participer aux marchés et aux foires du territoire", "former les apprentis de l’entreprise",
    ],
}
PROFILES = [
    "Vous êtes diplômé·e dans le domaine ou justifiez d’une première expérience.",
    "Les débutants sont les bienvenus : une formation est assurée à votre arrivée.",
    "Vous aimez le travail en équipe et le contact avec le public.",
    "Le permis B est souhaité, les déplacements se faisant dans tout le territoire.",
    "Vous êtes autonome, rigoureux·se et attentif·ve aux autres.",
    "Une première expérience en milieu rural ou en montagne est un plus, pas une obligation.",
    "Vous souhaitez changer de cadre de vie sans renoncer à un métier exigeant.",
    "Vous êtes en reconversion ? Parlons-en : nous avons déjà formé plusieurs personnes venues d’autres métiers.",
]
PERKS = [
    "horaires stables et plannings connus à l’avance", "treizième mois et prime d’intéressement",
    "aide au logement pendant les six premiers mois", "accompagnement du conjoint dans sa recherche d’emploi",
    "mutuelle prise en charge à 70 %", "titres-restaurant et parking gratuit",
    "accès à la crèche intercommunale", "formation continue financée par l’employeur",
    "logement de fonction possible à loyer modéré", "véhicule de service pour les déplacements",
    "prime d’installation de 1 500 €", "une équipe soudée qui accueille bien les nouveaux",
]
TERRITORY_LINES = [
    "Le Haut-Vallon, c’est une maison avec jardin pour le prix d’un deux-pièces en métropole, l’école au bout de la rue et la randonnée derrière la maison.",
    "Bellerive-du-Vallon est à 3 h 05 de Paris en TGV direct et à 1 h 35 de Lyon.",
    "L’équipe d’accueil du territoire vous aide gratuitement : logement, école, emploi du conjoint.",
    "Ici, on skie l’hiver, on se baigne dans la Vallonne l’été, et les associations cherchent toujours des bénévoles.",
    "La fibre équipe 96 % des logements et des tiers-lieux vous accueillent à Bellerive, à Lavaure et au Grand-Serre.",
]
CONTRACT_LINES = {
    "cdi": ["Poste en CDI à temps plein, à pourvoir dès que possible.", "CDI à temps plein ou à 80 %, selon votre souhait."],
    "cdd": ["CDD de six mois, renouvelable, avec une perspective de titularisation.", "Remplacement d’un congé maternité, huit mois, temps plein."],
    "saisonnier": ["Contrat saisonnier de décembre à avril, 35 heures par semaine.", "Saison d’été de juin à septembre, logement possible sur place."],
    "interim": ["Mission d’intérim de trois mois, prolongeable, avec embauche possible à la clé.", "Mission longue en intérim, indemnités de fin de mission et congés payés."],
    "alternance": ["Contrat d’apprentissage de deux ans, en alternance avec le centre de formation de Bellerive.",
                   "Alternance une semaine sur trois au centre de formation, rémunération selon le barème de l’apprentissage."],
    "stage": ["Stage de quatre à six mois, gratifié, à partir de février.", "Stage de fin d’études, avec une possibilité d’embauche à l’issue."],
}
LIBERAL = {
    "intro": [
        "La maison de santé de {city} réunit {n} professionnels et cherche à compléter son équipe.",
        "Un praticien part à la retraite et souhaite présenter sa patientèle à son successeur à {city}.",
        "Les locaux sont neufs, accessibles, avec un secrétariat partagé et un logiciel commun.",
    ],
    "details": [
        "loyer du cabinet modéré, charges partagées entre les associés", "patientèle importante dès l’installation",
        "aide à l’installation du Département jusqu’à 15 000 €", "exercice coordonné avec les infirmiers et les pharmaciens",
        "possibilité de remplacement avant l’installation", "permanence des soins organisée entre confrères",
        "logement temporaire proposé par la commune",
    ],
}
REPRISE = {
    "intro": [
        "Après trente ans d’activité, les propriétaires de cette affaire de {city} préparent leur départ à la retraite.",
        "Affaire saine et rentable, installée au cœur de {city}, avec une clientèle fidèle d’habitants et de vacanciers.",
        "Le cédant accompagne le repreneur pendant trois mois pour présenter fournisseurs et clients.",
    ],
    "details": [
        "chiffre d’affaires stable depuis cinq ans", "murs en location avec un bail commercial récent",
        "logement de fonction au-dessus du commerce", "matériel entretenu et en partie renouvelé en 2024",
        "prêt d’honneur et accompagnement de la chambre consulaire", "possibilité de reprise progressive",
        "seul commerce de ce type à vingt minutes à la ronde",
    ],
}


def slugify(text: str) -> str:
    text = text.replace("’", " ").replace("'", " ").replace("·", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out, dash = [], False
    for ch in ascii_text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def _words(text: str) -> int:
    return len(text.split())


def _para(text: str) -> str:
    return textwrap.fill(text, width=92, break_long_words=False, break_on_hyphens=False)


def _bullets(items: list[str]) -> str:
    return "\n".join(textwrap.fill(f"- {item}", width=92, subsequent_indent="  ", break_on_hyphens=False) for item in items)


def _title_weight(contracts: list[str]) -> float:
    """Businesses to take over and practices to settle in are rarer than jobs."""
    if contracts == ["reprise"]:
        return 0.25
    if contracts == ["liberal"]:
        return 0.5
    return 1.0


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(items: list[str]) -> str:
    """“a, b et c.”"""
    if len(items) == 1:
        return items[0] + "."
    return ", ".join(items[:-1]) + " et " + items[-1] + "."


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value if value.endswith("\n") else value + "\n", style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)


class _Generator:
    def __init__(self, offers: int, seed: int):
        self.rnd = random.Random(f"territoire-bench-{seed}")
        self.offers = offers
        self.media: set[str] = set()
        self.files: dict[str, str] = {}  # relative path -> text

    # -- helpers --------------------------------------------------------------------------

    def pick(self, items):
        return self.rnd.choice(items)

    def weighted(self, weights: dict):
        keys = list(weights)
        return self.rnd.choices(keys, weights=[weights[k] for k in keys])[0]

    def city(self):
        name, code, _ = self.rnd.choices(CITIES, weights=[c[2] for c in CITIES])[0]
        return name, code

    def use(self, name: str) -> str:
        self.media.add(name)
        return name

    def fill(self, template: str, **values) -> str:
        values.setdefault("n", self.rnd.choice([12, 18, 25, 32, 45, 60, 85, 120, 140, 210]))
        return template.format(**values)

    # -- jobs -----------------------------------------------------------------------------

    def salary(self, spec, contract: str):
        if contract in ("alternance", "stage"):
            if self.rnd.random() < 0.4:
                return None
            low = self.rnd.choice([650, 700] if contract == "stage" else [750, 850, 1000, 1200])
            return {"min": low, "max": low + (100 if contract == "stage" else 300), "period": "month"}
        if contract in ("liberal", "reprise") or spec is None or self.rnd.random() < 0.2:
            return None
        period, low, high = spec
        if period == "hour":
            lo = round(self.rnd.uniform(low, (low + high) / 2), 2)
            hi = round(self.rnd.uniform(lo, high), 2)
        elif period == "month":
            lo = int(self.rnd.uniform(low, (low + high) / 2) // 50 * 50)
            hi = max(lo, int(self.rnd.uniform(lo, high) // 50 * 50))
        else:
            lo = int(self.rnd.uniform(low, (low + high) / 2) // 1000 * 1000)
            hi = max(lo, int(self.rnd.uniform(lo, high) // 1000 * 1000))
        salary = {"min": lo, "max": hi, "period": period}
        if self.rnd.random() < 0.15:
            del salary["max"]
        return salary

    def description(self, sector: str, contract: str, employer: str, city: str, title: str) -> str:
        """80 to 200 words of Markdown: the usual sections of an offer, in their usual order,
        with optional paragraphs added until a word count drawn at random is reached."""
        r = self.rnd
        target = r.randint(80, 200)
        territory = r.sample(TERRITORY_LINES, 4)
        # (rank, text): the sections are shown in rank order, whatever was added first.
        if contract == "liberal":
            intro = [self.fill(s, city=city) for s in r.sample(LIBERAL["intro"], 2)]
            details = r.sample(LIBERAL["details"], 6)
            core = [
                (0, _para(intro[0])),
                (2, _para("**L’exercice** : " + _sentence(details[:3]))),
                (4, _para("**Votre profil** : " + r.choice(["diplôme d’État et inscription à l’Ordre.",
                                                             "diplôme d’État ; les jeunes diplômés sont bienvenus."]))),
            ]
            extras = [(1, _para(intro[1])), (3, "**Les atouts**\n\n" + _bullets(details[3:])), (5, _para(r.choice(PROFILES))),
                      (6, _para(territory[0])), (6, _para("**Pourquoi ici ?** " + " ".join(territory[1:3])))]
        elif contract == "reprise":
            intro = [self.fill(s, city=city) for s in r.sample(REPRISE["intro"], 2)]
            details = r.sample(REPRISE["details"], 6)
            core = [
                (0, _para(intro[0])),
                (2, _para("**L’affaire** : " + _sentence(details[:3]))),
                (4, _para("**Le profil recherché** : un ou une professionnel·le du métier, ou un couple motivé par un projet de vie.")),
            ]
            extras = [(1, _para(intro[1])), (3, "**Les atouts**\n\n" + _bullets(details[3:])),
                      (5, _para("La chambre consulaire et l’équipe d’accueil du territoire vous accompagnent gratuitement dans votre projet.")),
                      (6, _para(territory[0])), (6, _para("**Pourquoi ici ?** " + " ".join(territory[1:3])))]
        else:
            intros = [self.fill(s, employer=employer, city=city) for s in r.sample(INTROS[sector], 2)]
            missions = r.sample(MISSIONS[sector], 5)
            perks = r.sample(PERKS, 5)
            profiles = r.sample(PROFILES, 2)
            heading = r.random() < 0.3

            def block(title: str, body: str) -> str:
                return f"### {title}\n\n{_para(_upper(body))}" if heading else _para(f"**{title}** : {body}")

            if r.random() < 0.4:
                mission_block = ("### Vos missions\n\n" if heading else "**Vos missions**\n\n") + _bullets(missions[:3])
            else:
                mission_block = block("Vos missions", _sentence(missions[:2]))
            core = [
                (0, _para(intros[0])),
                (3, mission_block),
                (5, block("Votre profil", profiles[0])),
                (7, block("Ce que nous offrons", " ; ".join(perks[:2]) + ".")),
            ]
            extras = [
                (1, _para(intros[1])),
                (2, _para(r.choice(CONTRACT_LINES[contract]))),
                (4, _para("Vous serez aussi amené·e à " + _sentence(missions[3:5]))),
                (6, _para(profiles[1])),
                (8, "**Les plus du poste**\n\n" + _bullets(perks[2:5])),
                (9, _para(territory[0])),
                (9, _para("**Pourquoi ici ?** " + " ".join(territory[1:3]))),
            ]
        r.shuffle(extras)
        parts = list(core)

        def words() -> int:
            return sum(_words(text) for _, text in parts)

        for extra in extras:
            if words() >= target:
                break
            parts.append(extra)
        while words() > 200 and len(parts) > len(core):
            parts.pop()
        if words() < 80:
            parts.append((10, _para(territory[3])))
        parts.sort(key=lambda part: part[0])
        return "\n\n".join(text for _, text in parts) + "\n"

    def jobs(self) -> list[dict]:
        r, n = self.rnd, self.offers
        expired = set(r.sample(range(n), round(n * EXPIRED_SHARE)))
        jobs = []
        seen: set[str] = set()
        for i in range(n):
            sector = self.weighted(SECTOR_WEIGHTS)
            titles = TITLES[sector]
            title, contracts, spec = r.choices(titles, weights=[_title_weight(t[1]) for t in titles])[0]
            weights = {c: CONTRACT_WEIGHTS[c] for c in contracts}
            contract = self.weighted(weights)
            remote = sector == "industrie" and title.startswith(("Dessinateur", "Ingénieur")) and r.random() < 0.2
            city, postal = self.city()
            employer = self.fill(r.choice(EMPLOYERS[sector]), city=city, family=r.choice(FAMILIES), house=r.choice(HOUSES),
                                 place=r.choice(PLACES))
            base = slugify(title.split("(")[0])[:48].rstrip("-")
            slug = f"{base}-{slugify(city)[:24].rstrip('-')}-{i + 1:05d}"
            assert slug not in seen
            seen.add(slug)
            if i in expired:
                posted = REFERENCE_DATE - timedelta(days=r.randint(60, 330))
                valid = REFERENCE_DATE - timedelta(days=r.randint(1, 40))  # always after posted
            else:
                posted = REFERENCE_DATE - timedelta(days=r.randint(0, 150))
                valid = REFERENCE_DATE + timedelta(days=r.randint(7, 300)) if r.random() < 0.6 else None
            domain = slugify(employer)[:40].rstrip("-")
            data: dict = {"title": title, "employer": {"name": employer}}
            if r.random() < 0.7:
                data["employer"]["url"] = f"https://www.{domain}.example.fr"
            if employer in EMPLOYER_LOGOS:
                data["employer"]["logo"] = self.use(EMPLOYER_LOGOS[employer])
            data.update({"sector": sector, "contract": contract})
            data["location"] = {"remote": True} if remote else {"city": city, "postal_code": postal}
            salary = self.salary(spec, contract)
            if salary:
                data["salary"] = salary
            data["posted"] = posted
            if valid:
                data["valid_through"] = valid
            data["description"] = self.description(sector, contract, employer, city, title)
            if r.random() < 0.7:
                data["apply"] = {"url": f"https://www.{domain}.example.fr/recrutement/{slug}"}
            else:
                data["apply"] = {"email": f"recrutement@{domain}.example.fr"}
            self.files[f"content/jobs/{slug}.yml"] = _dump(data)
            jobs.append({"slug": slug, "sector": sector, "contract": contract, "city": city, "expired": i in expired})
        return jobs

    # -- events ---------------------------------------------------------------------------

    def events(self) -> list[dict]:
        r = self.rnd
        count = max(10, self.offers // 50)
        kinds = ["job_dating", "webinar", "job_fair", "discovery_weekend", "open_day", "other"]
        topics = ["vivre et travailler dans le Haut-Vallon", "s’installer comme soignant", "reprendre une entreprise",
                  "les métiers de la montagne", "trouver un logement", "l’emploi du conjoint", "l’industrie recrute",
                  "devenir agriculteur", "télétravailler au vert", "les saisons au Grand-Serre"]
        others = ["Comice agricole", "Fête de la tomme", "Foire de printemps", "Salon de l’artisanat", "Nuit des entreprises"]
        events = []
        for i in range(count):
            kind = kinds[i % len(kinds)] if i < len(kinds) else r.choice(kinds)
            past = r.random() < 0.4
            day = REFERENCE_DATE + timedelta(days=-r.randint(3, 330) if past else r.randint(3, 330))
            sector = self.weighted(SECTOR_WEIGHTS)
            data: dict = {}
            if kind == "webinar":
                title = f"Webinaire : {r.choice(topics)}"
                start = datetime.combine(day, datetime.min.time()).replace(hour=12, minute=30)
                end = start + timedelta(hours=1)
                where = {"online": {"platform": r.choice(["zoom", "Livestorm", "Microsoft Teams"])}}
            elif kind == "job_dating":
                far, postal = r.choice(FAR_CITIES)
                title = f"Job dating {SECTORS[sector].split(',')[0].lower()} à {far}"
                start = datetime.combine(day, datetime.min.time()).replace(hour=9)
                end = start.replace(hour=17)
                where = {"place": {"name": f"Salle {r.choice(['des Tisserands', 'Pasteur', 'des Fêtes', 'Jean-Moulin'])}",
                                   "address": f"{r.randint(1, 80)} rue {r.choice(['de la République', 'Victor-Hugo', 'des Écoles', 'du Marché'])}",
                                   "postal_code": postal, "city": far}}
            else:
                city, postal = self.city()
                if kind == "job_fair":
                    title = f"Forum de l’emploi de {city}"
                elif kind == "discovery_weekend":
                    title = f"Week-end découverte à {city}"
                elif kind == "open_day":
                    title = f"Portes ouvertes : {self.fill(r.choice(EMPLOYERS[sector]), city=city, family=r.choice(FAMILIES), house=r.choice(HOUSES), place=r.choice(PLACES))}"
                else:
                    title = f"{r.choice(others)} de {city}"
                if kind in ("discovery_weekend", "other"):
                    start, end = day, day + timedelta(days=2 if kind == "discovery_weekend" else 1)
                else:
                    start = datetime.combine(day, datetime.min.time()).replace(hour=r.choice([9, 10, 14]))
                    end = start + timedelta(hours=r.choice([3, 4, 6]))
                where = {"place": {"name": f"{r.choice(['Salle polyvalente', 'Halle', 'Espace culturel', 'Mairie'])} de {city}",
                                   "address": f"{r.randint(1, 40)} place {r.choice(['de l’Église', 'du Foirail', 'de la Mairie', 'des Tilleuls'])}",
                                   "postal_code": postal, "city": city}}
            slug = f"{slugify(title)[:50].rstrip('-')}-{day.isoformat()}"
            if any(e["slug"] == slug for e in events):
                slug += f"-{i}"
            data.update({"title": title, "kind": kind,
                         "start": start.strftime("%Y-%m-%dT%H:%M") if isinstance(start, datetime) else start,
                         "end": end.strftime("%Y-%m-%dT%H:%M") if isinstance(end, datetime) else end})
            data.update(where)
            lines = [_para(f"{title} : une rencontre organisée par l’équipe d’accueil du Haut-Vallon avec les employeurs du territoire.")]
            lines.append(_bullets(r.sample([
                "des entretiens individuels avec les recruteurs", "une présentation du territoire et de ses aides",
                "des habitants arrivés récemment pour répondre à vos questions", "des visites de logements et d’écoles",
                "un temps d’échange autour des métiers qui recrutent", "un buffet avec les produits du plateau",
            ], 3)))
            lines.append(_para(r.choice(TERRITORY_LINES)))
            data["description"] = "\n\n".join(lines) + "\n"
            if not past or r.random() < 0.3:
                deadline = (start.date() if isinstance(start, datetime) else start) - timedelta(days=2)
                provider = "zoom" if kind == "webinar" and r.random() < 0.5 else r.choice(["helloasso", "eventbrite", "form", "url", "tally"])
                if provider == "form":
                    registration = {"provider": "form", "action": f"https://forms.example.org/f/{slug}",
                                    "fields": ["name", "email", "phone", "profession", "message"],
                                    "redirect": "https://bench-territoire.example.fr/merci/", "deadline": deadline}
                else:
                    registration = {"provider": provider, "url": f"https://inscriptions.example.org/{provider}/{slug}", "deadline": deadline}
                if r.random() < 0.7:
                    data["registration"] = registration
            if kind == "webinar" and past:
                data["replay"] = {"url": f"https://video.bench-territoire.example.fr/replay/{slug}"}
            self.files[f"content/events/{slug}.yml"] = _dump(data)
            events.append({"slug": slug, "kind": kind, "past": past, "sector": sector})
        return events

    # -- testimonials ---------------------------------------------------------------------

    def testimonials(self) -> list[str]:
        r = self.rnd
        count = max(5, self.offers // 100)
        names = ["Camille", "Lucas", "Mathieu", "Nadia", "Élodie", "Karim", "Julie", "Thomas", "Sarah", "Antoine", "Léa", "Hugo",
                 "Manon", "Yanis", "Chloé", "Romain", "Inès", "Maxime", "Pauline", "Samir"]
        photos = ["camille.jpg", "lucas.jpg", "mathieu.jpg", "nadia.jpg"]
        quotes = [
            "J’ai gardé le métier que j’aime et j’ai gagné deux heures par jour.",
            "Je suis venu pour une saison. Quatre hivers plus tard, je ne compte plus repartir.",
            "Nos enfants vont à l’école à pied et nous avons enfin un jardin.",
            "L’équipe d’accueil a trouvé un emploi à mon conjoint en trois semaines.",
            "Reprendre une affaire ici, c’était le projet de notre vie. On ne regrette rien.",
            "On m’avait dit que ce serait calme. C’est surtout riche : des gens, des projets, des paysages.",
        ]
        slugs = []
        for i in range(count):
            name = names[i % len(names)]
            slug = slugify(name) if i < len(names) else f"{slugify(name)}-{i // len(names) + 1}"
            sector = self.weighted(SECTOR_WEIGHTS)
            title = r.choice(TITLES[sector])[0]
            city, _ = self.city()
            data: dict = {"name": name}
            if r.random() < 0.6:
                data["photo"] = self.use(photos[i % len(photos)])
                data["photo_alt"] = f"Portrait illustré de {name}"
            data.update({
                "from": r.choice(FAR_CITIES)[0], "moved": r.randint(2015, 2026),
                "profession": f"{title.split('(')[0].strip()} à {city}", "quote": r.choice(quotes),
            })
            story = [
                _para(f"{name} a découvert le Haut-Vallon lors d’{r.choice(['un job dating', 'un week-end découverte', 'vacances au Grand-Serre', 'un webinaire'])}, "
                      f"puis a rencontré son futur employeur à {city}."),
                _para("« " + r.choice(quotes) + " » " + r.choice(TERRITORY_LINES)),
                _para(r.choice(["L’équipe d’accueil a trouvé un logement pour le premier mois.",
                                "Le plus difficile a été de choisir entre trois maisons.",
                                "Les collègues ont fait découvrir les sentiers et les associations du coin."])),
            ]
            data["story"] = "\n\n".join(story[: r.randint(2, 3)]) + "\n"
            data["ambassador"] = r.random() < 0.5
            data["consent"] = REFERENCE_DATE - timedelta(days=r.randint(30, 600))
            self.files[f"content/testimonials/{slug}.yml"] = _dump(data)
            slugs.append(slug)
        return slugs

    # -- campaigns ------------------------------------------------------------------------

    def campaigns(self, jobs, events, testimonials) -> None:
        r = self.rnd
        count = max(2, self.offers // 500)
        heroes = [("bellerive-aube.jpg", "Illustration : Bellerive-du-Vallon à l’aube, les maisons et le clocher sous un ciel rose"),
                  ("grand-serre-hiver.jpg", "Illustration : les sommets enneigés du Grand-Serre, un télésiège et des chalets"),
                  ("vallee-vallonne.jpg", "Illustration : la vallée de la Vallonne en fin de journée")]
        upcoming = [e["slug"] for e in events if not e["past"]]
        published = [j for j in jobs if not j["expired"]]
        sectors = list(SECTORS)
        for k in range(count):
            sector = sectors[k % len(sectors)]
            slug = f"recrutement-{sector}-{k + 1}"
            image, alt = heroes[k % len(heroes)]
            over = k % 5 == 4
            start = REFERENCE_DATE - timedelta(days=r.randint(120, 200) if over else r.randint(5, 90))
            end = REFERENCE_DATE - timedelta(days=r.randint(3, 60)) if over else REFERENCE_DATE + timedelta(days=r.randint(30, 180))
            data: dict = {
                "title": f"{SECTORS[sector]} : votre avenir au cœur du Haut-Vallon",
                "slogan": r.choice(["Ici, on prend soin de ceux qui travaillent", "Une saison, puis une vie",
                                    "Votre métier, notre territoire", "À 3 h 05 de Paris, une autre vie"]),
                "audience": f"Professionnels du secteur {SECTORS[sector].lower()} des grandes villes ; affichage et réseaux sociaux",
                "hero": {"image": self.use(image), "alt": alt},
                "intro": "\n\n".join([
                    _para(f"Le Haut-Vallon recrute dans le secteur {SECTORS[sector].lower()} : "
                          f"{sum(j['sector'] == sector for j in published)} offres sont ouvertes en ce moment."),
                    _para(" ".join(r.sample(TERRITORY_LINES, 2))),
                ]) + "\n",
                "start": start, "end": end,
            }
            in_sector = [j["slug"] for j in published if j["sector"] == sector]
            if k % 3 == 2 and len(in_sector) >= 5:
                jobs_show: dict | list = sorted(r.sample(in_sector, 5))
            elif k % 3 == 1:
                jobs_show = {"sector": sector, "contract": r.choice(["cdi", "saisonnier", "cdd"])}
            else:
                jobs_show = {"sector": sector}
            show: dict = {"jobs": jobs_show}
            if upcoming:
                show["events"] = r.sample(upcoming, min(len(upcoming), r.randint(1, 3)))
            show["testimonials"] = r.sample(testimonials, min(len(testimonials), r.randint(1, 3)))
            data["show"] = show
            choice = k % 3
            if choice == 0 and upcoming:
                data["call_to_action"] = {"label": "Je réserve ma place", "event": show["events"][0]}
            elif choice == 1:
                data["call_to_action"] = {"label": "Je veux être rappelé·e", "form": {
                    "provider": "form", "action": f"https://forms.example.org/f/{slug}",
                    "fields": ["name", "email", "phone", "profession", "message"],
                    "redirect": "https://bench-territoire.example.fr/merci/"}}
            else:
                data["call_to_action"] = {"label": "Écrire à l’équipe d’accueil", "url": "mailto:accueil@bench-territoire.example.fr"}
            placements = [{"code": f"{slug}-affiche-a3", "medium": "affiche", "label": f"Affiche A3 gare de {r.choice(FAR_CITIES)[0]}", "size": "A3"}]
            optional = [
                {"code": f"{slug}-affiche-a2", "medium": "affiche", "label": "Affiche A2 hall de la mairie", "size": "A2"},
                {"code": f"{slug}-flyer", "medium": "flyer", "label": "Flyer du salon de l’emploi", "size": "A5"},
                {"code": f"{slug}-facebook", "medium": "social", "source": "facebook", "label": "Post sponsorisé Facebook"},
                {"code": f"{slug}-linkedin", "medium": "social", "source": "linkedin", "label": "Publication LinkedIn"},
            ]
            placements += r.sample(optional, r.randint(2, 4))
            data["placements"] = placements
            self.files[f"content/campaigns/{slug}.yml"] = _dump(data)

    # -- the rest -------------------------------------------------------------------------

    def site_config(self) -> None:
        self.use("logo.svg")
        data = {
            "site": {
                "name": "Vivre dans le Haut-Vallon (banc d’essai)", "url": "https://bench-territoire.example.fr",
                "language": "fr", "timezone": "Europe/Paris",
                "description": "Emplois, logement, écoles, loisirs : tout pour s’installer dans le Haut-Vallon. Territoire de synthèse pour mesurer le générateur.",
                "logo": "logo.svg", "theme": "default", "colors": {"primary": "#1f5f5b", "accent": "#e07a2f"},
                "sectors": dict(SECTORS),
            },
            "publisher": {
                "name": "Agence d’attractivité du Haut-Vallon", "address": "12 place de la Préfecture, 19100 Bellerive-du-Vallon",
                "director": "Hélène Castagnet, présidente de l’agence", "email": "contact@bench-territoire.example.fr",
                "phone": "+33 4 65 71 00 00", "host": {"name": "Nuage du Vallon SAS", "address": "4 rue des Serveurs, 19100 Bellerive-du-Vallon"},
            },
            "privacy": {"controller": "Agence d’attractivité du Haut-Vallon",
                        "purpose": "Répondre à votre demande et vous accompagner dans votre projet d’installation.",
                        "retention": "3 ans après le dernier contact", "contact": "dpo@bench-territoire.example.fr"},
            "accessibility": {"status": "partiellement conforme", "audit_date": date(2026, 3, 12)},
            "analytics": {"provider": "none"},
            "qr": {"path": "q", "error_correction": "M"},
        }
        self.files["site_config.yml"] = "# Territoire de synthèse (bench/synthetic.py) : ne pas modifier à la main.\n" + _dump(data)

    def territory(self) -> None:
        published = self.offers - round(self.offers * EXPIRED_SHARE)
        data = {
            "name": "Haut-Vallon",
            "tagline": "Entre rivière et montagne, une vie à votre altitude",
            "summary": "\n\n".join([
                _para("Le **Haut-Vallon**, ce sont 142 000 habitants répartis entre la vallée de la Vallonne, le plateau des "
                      "Hautes-Terres et les pentes du Grand-Serre."),
                _para(f"Hôpitaux, entreprises du bâtiment, stations de ski, ateliers, fermes et commerces : **{published} postes "
                      "sont à pourvoir**. Une équipe d’accueil vous aide **gratuitement**."),
            ]) + "\n",
            "hero": {"image": self.use("vallee-vallonne.jpg"), "alt": "Illustration : la vallée de la Vallonne en fin de journée"},
            "key_figures": [{"value": "3 h 05", "label": "de Paris en TGV direct"}, {"value": str(published), "label": "postes à pourvoir"},
                            {"value": "1 450 €", "label": "le m² moyen d’une maison"}, {"value": "40 min", "label": "de Bellerive aux pistes"}],
            "access": [{"mode": "train", "text": "Bellerive-du-Vallon – Paris-Gare-de-Lyon en 3 h 05 par TGV direct"},
                       {"mode": "voiture", "text": "Autoroute à 20 minutes de Bellerive ; Lyon à 2 h"},
                       {"mode": "avion", "text": "Aéroport de Bellerive-Sud : 2 vols quotidiens vers Paris-Orly"}],
            "living": [{"title": t, "body": _para(b) + "\n"} for t, b in [
                ("Logement", "Comptez **1 450 € le m²** pour une maison à Bellerive, moins de 1 000 € dans les villages du plateau."),
                ("Écoles", "138 écoles, 14 collèges et 6 lycées ; les transports scolaires sont gratuits."),
                ("Santé", "Un centre hospitalier, deux hôpitaux de proximité et **9 maisons de santé**."),
                ("Loisirs", "Ski au Grand-Serre, 1 200 km de sentiers, la Vallonne pour le canoë et la pêche."),
            ]],
            "services": [{"title": t, "body": _para(b) + "\n"} for t, b in [
                ("Emploi du conjoint", "Nous transmettons le CV de votre conjoint·e aux entreprises qui recrutent."),
                ("Recherche de logement", "Location ou achat : nous cherchons avec vous et organisons les visites."),
                ("Accueil et intégration", "Un parrain ou une marraine vous fait découvrir votre nouvelle vie."),
            ]],
            "aids": [{"title": "Aide à l’installation des médecins généralistes", "body": "Jusqu’à **15 000 €** pour s’installer.\n",
                      "url": "https://www.haut-vallon.example.fr/aides/installation-medecins"},
                     {"title": "Logement des saisonniers", "body": "150 € par mois pendant la saison.\n",
                      "url": "https://www.haut-vallon.example.fr/aides/logement-saisonniers"}],
            "contacts": [
                {"name": "Inès Roussel", "role": "Chargée d’accueil des familles et des talents", "email": "accueil@bench-territoire.example.fr",
                 "phone": "+33 4 65 71 12 34", "photo": self.use("contact-ines.jpg"), "photo_alt": "Portrait illustré d’Inès"},
                {"name": "Bastien Ferrand", "role": "Chargé de mission santé", "email": "sante@bench-territoire.example.fr",
                 "phone": "+33 4 65 71 12 35", "photo": self.use("contact-bastien.jpg"), "photo_alt": "Portrait illustré de Bastien"},
            ],
            "partners": [
                {"name": "Chambre de commerce et d’industrie du Haut-Vallon", "url": "https://www.cci-haut-vallon.example.fr", "logo": self.use("partenaire-cci.png")},
                {"name": "Maison de l’emploi du Haut-Vallon", "url": "https://www.emploi-haut-vallon.example.fr", "logo": self.use("partenaire-maison-emploi.png")},
                {"name": "Office de tourisme du Grand-Serre", "url": "https://www.grand-serre.example.fr", "logo": self.use("partenaire-office-tourisme.png")},
            ],
            "social": {"facebook": "https://www.facebook.example.com/vivrehautvallon", "instagram": "https://www.instagram.example.com/vivrehautvallon",
                       "hashtag": "#VivreLeHautVallon"},
        }
        self.files["content/territory.yml"] = _dump(data)

    def pages(self) -> None:
        self.files["content/pages/s-installer.md"] = (
            "---\ntitle: \"S’installer dans le Haut-Vallon, étape par étape\"\norder: 1\n---\n"
            "Changer de vie se prépare. Voici comment nous vous accompagnons, **gratuitement**.\n\n"
            "## 1. Faire connaissance\n\nÉcrivez-nous depuis la page [Contact](/contact/) : nous vous rappelons sous 48 heures.\n\n"
            "## 2. Découvrir le territoire\n\n- Suivez un **webinaire** d’une heure ;\n- venez à un **week-end découverte** ;\n"
            "- rencontrez les recruteurs à un **job dating**.\n\nToutes les dates sont dans l’[agenda](/agenda/).\n\n"
            "## 3. Trouver un emploi, pour vous et votre conjoint·e\n\nConsultez les [offres d’emploi](/offres/).\n"
        )
        self.files["content/pages/faq.md"] = (
            "---\ntitle: Questions fréquentes\norder: 2\n---\n"
            "## L’accompagnement est-il vraiment gratuit ?\n\nOui. L’équipe d’accueil est financée par le Département.\n\n"
            "## Peut-on vivre sans voiture ?\n\nÀ Bellerive-du-Vallon, Saint-Orcel et Lavaure, oui. Dans les villages, une voiture reste utile.\n\n"
            "## La fibre est-elle disponible ?\n\nElle équipe 96 % des logements du territoire.\n"
        )
        self.files["content/pages/merci.md"] = (
            "---\ntitle: Merci, votre demande est bien envoyée\nnav: false\n---\n"
            "Nous avons bien reçu votre message. Un membre de l’équipe d’accueil vous répond **sous 48 heures ouvrées**.\n"
        )

    def make(self) -> dict[str, str]:
        self.site_config()
        self.territory()
        jobs = self.jobs()
        events = self.events()
        testimonials = self.testimonials()
        self.campaigns(jobs, events, testimonials)
        self.pages()
        return self.files


def _placeholder(target: Path) -> None:
    """A small image when the demo no longer has the file (the demo evolves)."""
    if target.suffix == ".svg":
        target.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#1f5f5b"/></svg>\n')
        return
    from PIL import Image

    Image.new("RGB", (320, 200), (31, 95, 91)).save(target, "PNG" if target.suffix == ".png" else "JPEG")


def make_territory(path: Path, offers: int = DEFAULT_OFFERS, seed: int = 0) -> Path:
    """Write a synthetic project of ``offers`` job offers into ``path`` and return it.

    ``path`` must be missing, empty, or a folder this function made before (it is then
    emptied first)."""
    if offers < 1:
        raise ValueError("offers must be at least 1")
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        if not (path / MARKER).is_file():
            raise FileExistsError(f"{path} is not empty and was not made by bench/synthetic.py")
        for child in path.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    path.mkdir(parents=True, exist_ok=True)
    gen = _Generator(offers, seed)
    files = gen.make()
    for folder in ("jobs", "events", "testimonials", "campaigns", "pages", "media"):
        (path / "content" / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        (path / rel).write_text(text, encoding="utf-8")
    for name in sorted(gen.media):
        source, target = DEMO_MEDIA / name, path / "content" / "media" / name
        if source.is_file():
            shutil.copyfile(source, target)
        else:
            _placeholder(target)
    (path / MARKER).write_text(f"offers: {offers}\nseed: {seed}\nreference_date: {REFERENCE_DATE}\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic Territoire project (deterministic).")
    parser.add_argument("dir", type=Path)
    parser.add_argument("--offers", type=int, default=DEFAULT_OFFERS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    path = make_territory(args.dir, args.offers, args.seed)
    print(f"{args.offers} offres → {path} (vérifier : python -m generator check --project {path} --today {REFERENCE_DATE})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
