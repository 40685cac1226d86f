"""Every message an officer can read about their content, in French and English.

Each message says what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from typing import Any

CATALOG: dict[str, dict[str, str]] = {
    # files
    "not_utf8": {
        "fr": "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en « UTF-8 » depuis votre éditeur",
        "en": "the file is not UTF-8; save it as “UTF-8” from your editor",
    },
    "empty_file": {
        "fr": "le fichier est vide ; remplissez-le ou supprimez-le",
        "en": "the file is empty; fill it in or delete it",
    },
    "invalid_yaml": {
        "fr": "le fichier ne peut pas être lu : {detail}",
        "en": "the file cannot be read: {detail}",
    },
    "yaml_unreadable": {
        "fr": "vérifiez l'indentation (des espaces, pas de tabulations) et mettez entre guillemets un texte qui contient « : » ou « # »",
        "en": "check the indentation (spaces, no tabs) and quote any text containing “: ” or “#”",
    },
    "yaml_tab": {
        "fr": "une tabulation sert d'indentation ; remplacez-la par des espaces (deux par niveau)",
        "en": "a tab is used for indentation; replace it with spaces (two per level)",
    },
    "yaml_colon": {
        "fr": "un texte contient « : » suivi d'un espace, ou la ligne est mal indentée ; mettez le texte entre guillemets (\"…\") ou alignez la ligne sur les champs voisins",
        "en": "a text contains “: ” or the line is badly indented; put the text in quotes (\"…\") or align the line with the fields around it",
    },
    "yaml_missing_colon": {
        "fr": "il manque « : » après le nom d'un champ (écrivez « nom: valeur ») ; un texte sur plusieurs lignes doit être entre guillemets",
        "en": "a “:” is missing after a field name (write “name: value”); a text on several lines must be in quotes",
    },
    "yaml_indent": {
        "fr": "l'indentation ne suit pas celle des lignes précédentes, ou un guillemet ouvert n'est pas refermé ; alignez les champs d'un même niveau sur la même colonne",
        "en": "the indentation does not follow the lines before, or an opening quote is not closed; align the fields of one level on the same column",
    },
    "yaml_unclosed_quote": {
        "fr": "un guillemet ou un crochet ouvert n'est jamais refermé ; refermez-le à la fin du texte",
        "en": "a quote or bracket is opened and never closed; close it at the end of the text",
    },
    "yaml_escape": {
        "fr": "une barre oblique inverse « \\ » entre guillemets doubles commence un caractère spécial ; doublez-la (« \\\\ ») ou utilisez des guillemets simples",
        "en": "a backslash “\\” inside double quotes starts a special character; double it (“\\\\”) or use single quotes",
    },
    "yaml_alias_undefined": {
        "fr": "un « * » ou un « & » au début d'une valeur a un sens particulier en YAML ; mettez cette valeur entre guillemets",
        "en": "a “*” or “&” at the start of a value has a special meaning in YAML; put the value in quotes",
    },
    "yaml_reserved": {
        "fr": "une valeur ne peut pas commencer par « @ » ni « ` » ; mettez-la entre guillemets",
        "en": "a value cannot start with “@” or “`”; put it in quotes",
    },
    "yaml_flow": {
        "fr": "une liste entre [ ] ou un groupe entre {{ }} est mal fermé ; séparez les éléments par des virgules et refermez-le sur la même ligne",
        "en": "a list in [ ] or a group in {{ }} is not closed properly; separate the items with commas and close it",
    },
    "yaml_unhashable": {
        "fr": "un nom de champ doit être un simple mot, pas une liste ni un groupe",
        "en": "a field name must be a plain word, not a list or a group",
    },
    "yaml_tag": {
        "fr": "une valeur commence par « ! », qui a un sens particulier en YAML ; mettez-la entre guillemets",
        "en": "a value starts with “!”, which has a special meaning in YAML; put it in quotes",
    },
    "yaml_several_documents": {
        "fr": "le fichier contient plusieurs documents séparés par « --- » ; gardez-en un seul par fichier",
        "en": "the file holds several documents separated by “---”; keep one per file",
    },
    "yaml_aliases": {
        "fr": "les ancres et alias (« &nom », « *nom ») de ce fichier se répètent à l'infini ou en des milliers de valeurs ; recopiez plutôt les valeurs",
        "en": "the anchors and aliases (“&name”, “*name”) of this file repeat endlessly or into thousands of values; copy the values instead",
    },
    "yaml_too_many_values": {
        "fr": "le fichier contient plus de {max} valeurs : ce n'est pas un fichier de contenu ; gardez une offre, un événement ou une campagne par fichier",
        "en": "the file holds more than {max} values: this is not a content file; keep one offer, event or campaign per file",
    },
    "invisible_character": {
        "fr": "caractère invisible {code} dans le texte (souvent collé depuis un autre logiciel) ; retapez ce passage ou supprimez le caractère",
        "en": "invisible character {code} in the text (often pasted from another program); retype this passage or delete the character",
    },
    "duplicate_key": {
        "fr": "ce champ est déjà écrit à la ligne {first} ; gardez une seule des deux lignes",
        "en": "this field is already written on line {first}; keep only one of the two lines",
    },
    "not_a_mapping": {
        "fr": "le fichier doit contenir des champs « nom: valeur », pas une liste ni un texte seul",
        "en": "the file must contain “name: value” fields, not a list or a lone text",
    },
    "missing_file": {
        "fr": "fichier introuvable ; créez-le (voir docs/contenu.md)",
        "en": "file not found; create it (see docs/contenu.md)",
    },
    "link_outside": {
        "fr": "ce fichier est un lien vers « {target} », hors du projet : rien de ce qui est hors du projet n'est publié ; remplacez le lien par une copie du fichier",
        "en": "this file is a link to “{target}”, outside the project: nothing outside the project is published; replace the link with a copy of the file",
    },
    "unknown_in_content": {
        "fr": "ni un dossier ni un fichier connu de content/ (attendus : {expected}) ; renommez-le ou déplacez-le hors de content/{hint}",
        "en": "neither a known folder nor a known file of content/ (expected: {expected}); rename it or move it out of content/{hint}",
    },
    "output_is_project": {
        "fr": "ce dossier de sortie remplacerait les fichiers du projet lui-même ; choisissez un autre dossier, par exemple {example}",
        "en": "this output folder would replace the project's own files; choose another folder, for example {example}",
    },
    "output_not_ours": {
        "fr": "ce dossier n'est pas vide et n'a pas été produit par Territoire (il n'a pas de fichier {marker}) : il serait remplacé en entier ; choisissez un dossier vide ou nouveau (--out)",
        "en": "this folder is not empty and was not made by Territoire (it has no {marker} file): it would be replaced whole; choose an empty or new folder (--out)",
    },
    "companion_not_file": {
        "fr": "Territoire écrit ici, à côté du site, les règles nginx des liens courts, mais un dossier porte ce nom ; renommez ce dossier",
        "en": "Territoire writes the short links' nginx rules here, beside the site, but a folder has this name; rename that folder",
    },
    "companion_not_ours": {
        "fr": "ce fichier, écrit à côté du site à chaque construction, existe déjà et n'a pas été produit par Territoire : il serait remplacé ; renommez-le ou choisissez un autre dossier de sortie (--out)",
        "en": "this file, written beside the site at each build, already exists and was not made by Territoire: it would be replaced; rename it or choose another output folder (--out)",
    },
    "output_not_folder": {
        "fr": "c'est un fichier, pas un dossier : il serait remplacé ; choisissez un autre nom (--out)",
        "en": "this is a file, not a folder: it would be replaced; choose another name (--out)",
    },
    "output_unwritable": {
        "fr": "impossible d'écrire ici ({reason}) ; choisissez un dossier où vous pouvez écrire (--out)",
        "en": "cannot write here ({reason}); choose a folder you can write to (--out)",
    },
    "os_denied": {"fr": "accès refusé", "en": "permission denied"},
    "os_read_only": {"fr": "disque en lecture seule", "en": "read-only disk"},
    "os_full": {"fr": "disque plein", "en": "disk full"},
    "os_name_too_long": {"fr": "nom de fichier trop long", "en": "file name too long"},
    "unexpected_file": {
        "fr": "ce fichier n'est pas lu : le nom d'un fichier de ce dossier finit par {expected} ; renommez-le, par exemple « {suggestion} », ou déplacez-le hors de content/",
        "en": "this file is not read: a file of this folder ends with {expected}; rename it, for example “{suggestion}”, or move it out of content/",
    },
    "unexpected_folder": {
        "fr": "ce dossier n'est pas lu : les fichiers de {folder}/ sont rangés directement dedans, sans sous-dossier ; déplacez ses fichiers dans {folder}/",
        "en": "this folder is not read: the files of {folder}/ sit directly in it, without sub-folders; move its files into {folder}/",
    },
    "same_slug_twice": {
        "fr": "ce fichier a le même nom que {other} (seule l'extension change) : les deux donneraient la même page ; supprimez ou renommez l'un des deux",
        "en": "this file has the same name as {other} (only the extension differs): both would make the same page; delete or rename one of them",
    },
    "file_name_too_long": {
        "fr": "nom de fichier trop long ({length} caractères) : il devient l'adresse de la page, {max} caractères au plus ; raccourcissez-le, par exemple « {suggestion} »",
        "en": "file name too long ({length} characters): it becomes the page's address, {max} characters at most; shorten it, for example “{suggestion}”",
    },
    "bad_slug": {
        "fr": "nom de fichier « {name} » invalide : utilisez des minuscules sans accent, des chiffres et des tirets, par exemple « {suggestion} »",
        "en": "invalid file name “{name}”: use lowercase letters without accents, digits and dashes, for example “{suggestion}”",
    },
    "front_matter_missing": {
        "fr": "la page doit commencer par un en-tête YAML entre deux lignes « --- » contenant au moins « title: »",
        "en": "the page must start with a YAML header between two “---” lines containing at least “title:”",
    },
    # pydantic errors
    "missing": {"fr": "champ obligatoire manquant ; ajoutez « {field}: … »", "en": "required field missing; add “{field}: …”"},
    "extra_forbidden": {
        "fr": "champ inconnu « {field} »{hint}",
        "en": "unknown field “{field}”{hint}",
    },
    "did_you_mean": {"fr": " : vouliez-vous dire « {guess} » ?", "en": ": did you mean “{guess}”?"},
    "known_fields": {"fr": " ; champs possibles : {fields}", "en": "; possible fields: {fields}"},
    "string_type": {"fr": "un texte est attendu ici", "en": "a text is expected here"},
    "string_too_short": {"fr": "ce texte est vide ; écrivez-le ou supprimez le champ", "en": "this text is empty; write it or remove the field"},
    "int_type": {"fr": "un nombre entier est attendu (par exemple 2021)", "en": "a whole number is expected (for example 2021)"},
    "number_type": {"fr": "un nombre est attendu (par exemple 2200)", "en": "a number is expected (for example 2200)"},
    "bool_type": {"fr": "« true » (oui) ou « false » (non) est attendu", "en": "“true” or “false” is expected"},
    "list_type": {"fr": "une liste est attendue (des lignes commençant par « - »)", "en": "a list is expected (lines starting with “- ”)"},
    "dict_type": {"fr": "des sous-champs « nom: valeur » sont attendus ici", "en": "“name: value” sub-fields are expected here"},
    "date_type": {
        "fr": "date invalide « {input} » ; écrivez-la AAAA-MM-JJ, par exemple 2027-04-08",
        "en": "invalid date “{input}”; write it YYYY-MM-DD, for example 2027-04-08",
    },
    "datetime_type": {
        "fr": "date et heure invalides « {input} » ; écrivez AAAA-MM-JJTHH:MM, par exemple 2027-04-08T09:00 (ou une date seule pour toute la journée)",
        "en": "invalid date and time “{input}”; write YYYY-MM-DDTHH:MM, for example 2027-04-08T09:00 (or a date alone for a whole day)",
    },
    "choice": {"fr": "« {input} » n'est pas une valeur possible ; choisissez parmi : {expected}{hint}", "en": "“{input}” is not a possible value; choose one of: {expected}{hint}"},
    "greater_than": {"fr": "la valeur doit être supérieure à {gt}", "en": "the value must be greater than {gt}"},
    "greater_than_equal": {"fr": "la valeur doit être au moins {ge}", "en": "the value must be at least {ge}"},
    "less_than": {"fr": "la valeur doit être inférieure à {lt}", "en": "the value must be less than {lt}"},
    "less_than_equal": {"fr": "la valeur doit être au plus {le}", "en": "the value must be at most {le}"},
    "finite_number": {"fr": "un nombre ordinaire est attendu (par exemple 2200), pas l'infini", "en": "an ordinary number is expected (for example 2200), not infinity"},
    "string_too_long": {"fr": "ce texte est trop long : {max_length} caractères au plus", "en": "this text is too long: {max_length} characters at most"},
    "string_pattern_mismatch": {"fr": "« {input} » n'a pas la forme attendue ; voir l'exemple de ce champ dans docs/contenu.md", "en": "“{input}” does not have the expected form; see this field's example in docs/contenu.md"},
    "too_short": {"fr": "cette liste doit avoir au moins {min_length} élément(s)", "en": "this list needs at least {min_length} item(s)"},
    "too_long": {"fr": "cette liste ne peut pas avoir plus de {max_length} éléments", "en": "this list cannot have more than {max_length} items"},
    "invalid_key": {"fr": "« {input} » n'est pas un nom de champ : un nom de champ est un mot (mettez-le entre guillemets s'il est fait de chiffres)", "en": "“{input}” is not a field name: a field name is a word (quote it if it is made of digits)"},
    "datetime_offset": {"fr": "« {input} » porte un décalage horaire ; écrivez l'heure locale sans décalage (par exemple 2027-04-08T09:00) : le fuseau est celui du site (site.timezone)", "en": "“{input}” carries a UTC offset; write the local time without it (for example 2027-04-08T09:00): the time zone is the site's (site.timezone)"},
    "year_range": {"fr": "année invalide ; écrivez l'année sur 4 chiffres, par exemple 2021", "en": "invalid year; write it with 4 digits, for example 2021"},
    "invalid": {"fr": "valeur « {input} » invalide ; voir le format de ce champ dans docs/contenu.md", "en": "invalid value “{input}”; see this field's format in docs/contenu.md"},
    # our own field rules
    "url_https": {
        "fr": "adresse « {input} » invalide : une adresse web complète en https:// est attendue, par exemple https://www.example.fr/page",
        "en": "invalid address “{input}”: a full https:// web address is expected, for example https://www.example.fr/page",
    },
    "url_or_mailto": {
        "fr": "adresse « {input} » invalide : une adresse web en https://, « mailto:adresse@exemple.fr » ou « tel:+33… » est attendue",
        "en": "invalid address “{input}”: an https:// web address, “mailto:name@example.org” or “tel:+33…” is expected",
    },
    "email": {
        "fr": "adresse e-mail « {input} » invalide : écrivez l'adresse seule, sans espace, guillemet, « ? » ni « & » (lettres sans accent, chiffres, « . », « _ », « + », « - »), par exemple contact@example.fr",
        "en": "invalid e-mail address “{input}”: write the address alone, without spaces, quotes, “?” or “&” (letters without accents, digits, “.”, “_”, “+”, “-”), for example contact@example.org",
    },
    "mailto_plain": {
        "fr": "« {input} » : après « mailto: », écrivez seulement une adresse e-mail, sans « ?cc= », « &body= » ni autre ajout, par exemple mailto:contact@example.fr",
        "en": "“{input}”: after “mailto:”, write only an e-mail address, without “?cc=”, “&body=” or anything else, for example mailto:contact@example.org",
    },
    "url_character": {
        "fr": "adresse « {input} » invalide : elle contient le caractère {found} (espace, guillemet, chevron, accolade, caractère invisible…), qui ne peut pas figurer tel quel dans une adresse web ; retirez-le, ou encodez-le (%20 pour une espace)",
        "en": "invalid address “{input}”: it contains the character {found} (space, quote, angle bracket, brace, invisible character…), which cannot stand as is in a web address; remove it, or encode it (%20 for a space)",
    },
    "url_credentials": {
        "fr": "adresse « {input} » invalide : un identifiant ou un mot de passe (la partie avant « @ ») ne doit jamais figurer dans une adresse publiée ; écrivez https://domaine/chemin",
        "en": "invalid address “{input}”: a user name or password (the part before “@”) must never be in a published address; write https://domain/path",
    },
    "site_url": {
        "fr": "adresse du site « {input} » invalide : écrivez seulement https://, le domaine et, si le site est dans un sous-dossier, son chemin (lettres sans accent, chiffres, « - », « _ », « . », « / »), sans « ? » ni « # », par exemple https://vivre.example.fr",
        "en": "invalid site address “{input}”: write only https://, the domain and, when the site is in a sub-folder, its path (letters without accents, digits, “-”, “_”, “.”, “/”), without “?” or “#”, for example https://vivre.example.org",
    },
    "url_rule_character": {
        "fr": "adresse « {input} » refusée pour un code retiré : elle contient {found}, que les règles de redirection des hébergeurs (_redirects, .htaccess, nginx) liraient comme une instruction ; utilisez une adresse avec seulement des lettres sans accent, chiffres et « - . _ ~ : / ? & = % + , »",
        "en": "address “{input}” refused for a retired code: it contains {found}, which the hosts' redirect rules (_redirects, .htaccess, nginx) would read as an instruction; use an address with only letters without accents, digits and “- . _ ~ : / ? & = % + ,”",
    },
    "email_or_url": {"fr": "« {input} » : une adresse e-mail ou une adresse web en https:// est attendue", "en": "“{input}”: an e-mail address or an https:// web address is expected"},
    "phone": {"fr": "numéro « {input} » invalide ; écrivez-le entre guillemets, par exemple \"+33 2 54 00 00 00\"", "en": "invalid number “{input}”; quote it, for example \"+33 2 54 00 00 00\""},
    "postal_code": {
        "fr": "code postal « {input} » invalide : 5 chiffres entre guillemets, par exemple \"05000\" (sans guillemets, un zéro initial est perdu)",
        "en": "invalid postal code “{input}”: 5 digits in quotes, for example \"05000\" (without quotes a leading zero is lost)",
    },
    "color": {"fr": "couleur « {input} » invalide ; écrivez-la en hexadécimal entre guillemets, par exemple \"#1d4e89\"", "en": "invalid colour “{input}”; write it in hexadecimal in quotes, for example \"#1d4e89\""},
    "timezone": {"fr": "fuseau horaire « {input} » inconnu, par exemple Europe/Paris", "en": "unknown time zone “{input}”, for example Europe/Paris"},
    "markdown_too_deep": {
        "fr": "ce texte imbrique plus de {max} niveaux (citations « > », listes ou balises HTML les unes dans les autres) ; simplifiez sa mise en forme",
        "en": "this text nests more than {max} levels (quotes “>”, lists or HTML elements inside one another); simplify its layout",
    },
    "slug_too_long": {
        "fr": "identifiant trop long ({length} caractères) : {max} caractères au plus, par exemple « {suggestion} »",
        "en": "identifier too long ({length} characters): {max} characters at most, for example “{suggestion}”",
    },
    "slug_value": {"fr": "« {input} » invalide : minuscules sans accent, chiffres et tirets, par exemple « {suggestion} »", "en": "“{input}” is invalid: lowercase letters without accents, digits and dashes, for example “{suggestion}”"},
    "media_missing": {
        "fr": "image « {input} » introuvable dans content/media/ ; ajoutez le fichier ou corrigez le nom (majuscules et extension comptent){hint}",
        "en": "image “{input}” not found in content/media/; add the file or fix the name (case and extension matter){hint}",
    },
    "media_format": {
        "fr": "« {input} » : format d'image non pris en charge ; enregistrez l'image en JPEG ou PNG (formats acceptés : {expected})",
        "en": "“{input}”: image format not supported; save the image as JPEG or PNG (accepted formats: {expected})",
    },
    "series_field": {
        "fr": "« {field} » s'écrit sur chaque date de la série (sous « dates: »), pas sur la série entière",
        "en": "“{field}” goes on each date of the series (under “dates:”), not on the whole series",
    },
    "image_too_large": {
        "fr": "image trop grande ({size} pixels) : {max} millions de pixels au plus ; enregistrez-la en 4000 pixels de large, c'est bien assez même pour une affiche",
        "en": "image too large ({size} pixels): {max} million pixels at most; save it 4,000 pixels wide, plenty even for a poster",
    },
    "image_unreadable": {
        "fr": "image illisible ou incomplète ({detail}) : ouvrez-la, enregistrez-la de nouveau en JPEG ou PNG et remplacez ce fichier",
        "en": "unreadable or incomplete image ({detail}): open it, save it again as JPEG or PNG and replace this file",
    },
    "svg_active": {
        "fr": "le SVG « {input} » contient « {found} » : un script, une animation, un contenu HTML ou un appel à un autre site, que le site ne publie pas. Exportez-le de nouveau en SVG simple (formes, tracés, textes et dégradés, sans script ni lien) ou en PNG",
        "en": "the SVG “{input}” contains “{found}”: a script, an animation, HTML content or a call to another site, which the site does not publish. Export it again as plain SVG (shapes, paths, text and gradients, no script, no link) or as PNG",
    },
    "svg_doctype": {
        "fr": "le SVG « {input} » contient « {found} » : une déclaration qui peut définir des entités ou faire charger un autre fichier, que le site ne publie pas. Supprimez cette ligne avec un éditeur de texte, ou exportez l'image de nouveau en SVG simple ou en PNG",
        "en": "the SVG “{input}” contains “{found}”: a declaration that can define entities or load another file, which the site does not publish. Delete this line with a text editor, or export the image again as plain SVG or as PNG",
    },
    "svg_invalid": {
        "fr": "le fichier « {input} » n'est pas une image SVG lisible ({found}) : ouvrez-le dans votre logiciel de dessin et exportez-le de nouveau en SVG simple, ou en PNG",
        "en": "the file “{input}” is not a readable SVG image ({found}): open it in your drawing program and export it again as plain SVG, or as PNG",
    },
    "media_outside": {"fr": "« {input} » : le chemin doit rester dans content/media/ (pas de « .. » ni de chemin absolu)", "en": "“{input}”: the path must stay inside content/media/ (no “..” nor absolute path)"},
    "theme_missing": {"fr": "thème « {input} » introuvable dans themes/ ; thèmes disponibles : {expected}", "en": "theme “{input}” not found in themes/; available themes: {expected}"},
    "alt_required": {
        "fr": "texte alternatif manquant : ajoutez « {field}: » qui décrit l'image pour les personnes qui ne la voient pas",
        "en": "alternative text missing: add “{field}:” describing the image for people who cannot see it",
    },
    "end_before_start": {"fr": "la fin ({end}) doit être après le début ({start})", "en": "the end ({end}) must be after the start ({start})"},
    "date_kinds_mixed": {
        "fr": "début et fin doivent être tous deux des dates seules (journée entière) ou tous deux des dates avec heure",
        "en": "start and end must both be dates alone (whole day) or both dates with a time",
    },
    "valid_before_posted": {"fr": "valid_through ({end}) est avant la date de publication posted ({start})", "en": "valid_through ({end}) is before the posting date posted ({start})"},
    "series_or_dates": {
        "fr": "un événement a soit « start: » et « end: », soit une liste « dates: » (une série) ; pas les deux",
        "en": "an event has either “start:” and “end:”, or a “dates:” list (a series); not both",
    },
    "missing_start": {"fr": "champ obligatoire manquant ; ajoutez « start: AAAA-MM-JJTHH:MM » (ou « dates: » pour une série)", "en": "required field missing; add “start: YYYY-MM-DDTHH:MM” (or “dates:” for a series)"},
    "missing_end": {"fr": "champ obligatoire manquant ; ajoutez « end: AAAA-MM-JJTHH:MM », après le début", "en": "required field missing; add “end: YYYY-MM-DDTHH:MM”, after the start"},
    "previous_start_needed": {
        "fr": "un événement reporté à une nouvelle date (rescheduled) indique aussi la date annoncée au départ : « previous_start: AAAA-MM-JJTHH:MM »",
        "en": "a rescheduled event also gives the date first announced: “previous_start: YYYY-MM-DDTHH:MM”",
    },
    "place_or_online": {
        "fr": "indiquez un lieu (« place: ») ou, pour un événement en ligne, « online: {{platform: zoom}} »",
        "en": "give a place (“place:”) or, for an online event, “online: {{platform: zoom}}”",
    },
    "location_needed": {"fr": "indiquez « city: » (et « postal_code: ») ou « remote: true » pour un poste en télétravail complet", "en": "give “city:” (and “postal_code:”) or “remote: true” for a fully remote job"},
    "salary_needed": {"fr": "indiquez au moins « min: » ou « max: »", "en": "give at least “min:” or “max:”"},
    "salary_order": {"fr": "le salaire max ({max}) est inférieur au min ({min})", "en": "the max salary ({max}) is lower than the min ({min})"},
    "apply_one": {
        "fr": "indiquez exactement un moyen de candidater : « url: https://… » ou « email: … »",
        "en": "give exactly one way to apply: “url: https://…” or “email: …”",
    },
    "registration_url": {"fr": "le service « {provider} » a besoin de « url: https://… », l'adresse d'inscription", "en": "the “{provider}” service needs “url: https://…”, the registration address"},
    "registration_form": {
        "fr": "un formulaire (provider: form) a besoin de « action: https://… » (l'adresse qui reçoit les réponses) et de « fields: [name, email] »",
        "en": "a form (provider: form) needs “action: https://…” (the address receiving the answers) and “fields: [name, email]”",
    },
    "registration_form_url": {"fr": "« url: » ne s'utilise pas avec provider: form ; l'adresse d'envoi va dans « action: »", "en": "“url:” is not used with provider: form; the endpoint goes in “action:”"},
    "cta_one": {
        "fr": "indiquez exactement une destination : « event: », « job: », « url: » ou « form: »",
        "en": "give exactly one destination: “event:”, “job:”, “url:” or “form:”",
    },
    "photo_alt_needed": {"fr": "« photo_alt: » décrit la photo pour les personnes qui ne la voient pas ; ajoutez-le", "en": "“photo_alt:” describes the photo for people who cannot see it; add it"},
    "consent_missing": {
        "fr": "date de consentement manquante : ajoutez « consent: AAAA-MM-JJ », la date à laquelle la personne a accepté la publication ; sans accord écrit, ne publiez pas ce témoignage",
        "en": "consent date missing: add “consent: YYYY-MM-DD”, the date the person agreed to publication; without written consent, do not publish this testimonial",
    },
    "analytics_url": {"fr": "la mesure d'audience « {provider} » a besoin de « url: https://… », l'adresse du serveur de statistiques", "en": "the “{provider}” analytics needs “url: https://…”, the analytics server address"},
    "analytics_site_id": {"fr": "Matomo a besoin de « site_id: » (le numéro du site dans Matomo, entre guillemets)", "en": "Matomo needs “site_id:” (the site number in Matomo, quoted)"},
    "analytics_retention": {
        "fr": "durée de conservation de {input} mois : sans consentement, la CNIL autorise au plus {max} mois ; réglez le serveur de statistiques et écrivez ici « retention_months: {max} » ou moins",
        "en": "retention of {input} months: without consent, the CNIL allows {max} months at most; set the analytics server and write “retention_months: {max}” or less here",
    },
    "contrast_primary": {
        "fr": "contraste de {ratio_fr}:1 entre le texte blanc de l'en-tête et {input}, il faut au moins 4,5:1 ; foncez la couleur, par exemple \"{suggestion}\"",
        "en": "contrast of {ratio}:1 between the white header text and {input}, at least 4.5:1 is needed; use a darker colour, for example \"{suggestion}\"",
    },
    "contrast_accent": {
        "fr": "contraste de {ratio_fr}:1 entre le texte noir des boutons d'action et {input}, il faut au moins 4,5:1 ; éclaircissez la couleur, par exemple \"{suggestion}\"",
        "en": "contrast of {ratio}:1 between the black text of call-to-action buttons and {input}, at least 4.5:1 is needed; use a lighter colour, for example \"{suggestion}\"",
    },
    "sectors_empty": {"fr": "indiquez au moins un secteur, par exemple « sante: Santé »", "en": "give at least one sector, for example “health: Health”"},
    # cross-references
    "unknown_ref": {"fr": "{kind} « {input} » introuvable (aucun fichier content/{folder}/{input}.yml){hint}", "en": "{kind} “{input}” not found (no file content/{folder}/{input}.yml){hint}"},
    "unknown_sector": {"fr": "secteur « {input} » inconnu ; secteurs déclarés dans site_config.yml : {expected}{hint}", "en": "unknown sector “{input}”; sectors declared in site_config.yml: {expected}{hint}"},
    "duplicate_code": {"fr": "le code « {input} » est déjà utilisé par {other} ; chaque code QR doit être unique sur tout le site", "en": "code “{input}” is already used by {other}; every QR code must be unique across the site"},
    "reserved_slug": {"fr": "l'adresse /{input}/ est réservée par le site ({what}) ; renommez le fichier", "en": "the address /{input}/ is reserved by the site ({what}); rename the file"},
    "slug_taken": {"fr": "l'adresse /{input}/ est déjà prise par {other} ; renommez l'un des deux fichiers", "en": "the address /{input}/ is already taken by {other}; rename one of the two files"},
    "job_slug_sector": {
        "fr": "l'adresse /{path}/ est celle de la page du secteur « {label} » ; renommez le fichier de l'offre, par exemple « offre-{input}.yml »",
        "en": "the address /{path}/ is the page of the sector “{label}”; rename the job's file, for example “job-{input}.yml”",
    },
    "job_slug_page": {
        "fr": "l'adresse /{path}/ est réservée aux pages suivantes de la liste des offres (/{path}/2/…) ; renommez le fichier de l'offre, par exemple « offre-{input}.yml »",
        "en": "the address /{path}/ is reserved for the next pages of the job list (/{path}/2/…); rename the job's file, for example “job-{input}.yml”",
    },
    "job_slug_index": {
        "fr": "le nom « index » est réservé à la page de la liste des offres (/{jobs}/) ; renommez le fichier de l'offre",
        "en": "the name “index” is reserved for the job list page (/{jobs}/); rename the job's file",
    },
    "sector_key_reserved": {
        "fr": "la clé de secteur « {input} » est réservée (pages suivantes de la liste des offres, /{jobs}/{input}/2/…) ; choisissez une autre clé",
        "en": "the sector key “{input}” is reserved (next pages of the job list, /{jobs}/{input}/2/…); choose another key",
    },
    "privacy_needed": {
        "fr": "ce formulaire collecte des données personnelles : ajoutez dans site_config.yml un bloc « privacy: » (controller, purpose, retention, contact) affiché à côté du formulaire",
        "en": "this form collects personal data: add a “privacy:” block (controller, purpose, retention, contact) to site_config.yml, shown next to the form",
    },
    "campaign_end": {"fr": "la fin de campagne ({end}) est avant son début ({start})", "en": "the campaign end ({end}) is before its start ({start})"},
    # the registry of published QR codes
    "code_dropped": {
        "fr": "le code « {code} » ({label}) a été publié pour la campagne « {campaign} » mais n'est plus dans son fichier : une affiche imprimée renverrait vers une erreur. Remettez le placement dans content/campaigns/{campaign}.yml, ou retirez le code en ajoutant sous « {code}: » dans qr-codes.yml la ligne « retired: / » (page d'accueil) ou « retired: <campagne> » (la campagne qui prend le relais)",
        "en": "code “{code}” ({label}) was published for campaign “{campaign}” but is no longer in its file: a printed poster would lead to an error. Put the placement back in content/campaigns/{campaign}.yml, or retire the code by adding under “{code}:” in qr-codes.yml the line “retired: /” (home page) or “retired: <campaign>” (the campaign taking over)",
    },
    "code_retargeted": {
        "fr": "le code « {code} » est déjà publié pour la campagne « {campaign} » (qr-codes.yml:{line}) : un code imprimé ne change pas de destination. Donnez un nouveau code à ce placement ; pour que les affiches déjà imprimées mènent aussi ici, ajoutez sous « {code}: » dans qr-codes.yml la ligne « retired: {here} »",
        "en": "code “{code}” is already published for campaign “{campaign}” (qr-codes.yml:{line}): a printed code does not change destination. Give this placement a new code; to send the posters already printed here too, add under “{code}:” in qr-codes.yml the line “retired: {here}”",
    },
    "code_retired_reused": {
        "fr": "le code « {code} » est retiré (qr-codes.yml:{line}) et redirige vers « {to} » : choisissez un autre code pour ce placement",
        "en": "code “{code}” is retired (qr-codes.yml:{line}) and redirects to “{to}”: choose another code for this placement",
    },
    "retired_value": {
        "fr": "destination « {input} » invalide : écrivez « / » (page d'accueil), le nom d'une campagne ou d'une page (minuscules sans accent, chiffres et tirets, par exemple « saisonniers ») ou une adresse https://",
        "en": "invalid destination “{input}”: write “/” (home page), a campaign or page name (lowercase letters without accents, digits and dashes, for example “seasonal”) or an https:// address",
    },
    "registry_code": {
        "fr": "code « {input} » invalide dans qr-codes.yml : un code est l'adresse /q/<code>/ du site ; utilisez des minuscules sans accent, des chiffres et des tirets, par exemple « {suggestion} »",
        "en": "invalid code “{input}” in qr-codes.yml: a code is the site address /q/<code>/; use lowercase letters without accents, digits and dashes, for example “{suggestion}”",
    },
    "retired_target": {
        "fr": "destination « {input} » inconnue : écrivez « / » (page d'accueil), le nom d'une campagne ou d'une page ({expected}), ou une adresse https://",
        "en": "unknown destination “{input}”: write “/” (home page), a campaign or page name ({expected}), or an https:// address",
    },
    # kinds, for messages
    "kind_job": {"fr": "offre", "en": "job"},
    "kind_event": {"fr": "événement", "en": "event"},
    "kind_testimonial": {"fr": "témoignage", "en": "testimonial"},
    "kind_campaign": {"fr": "campagne", "en": "campaign"},
    "kind_page": {"fr": "page", "en": "page"},
    # summary
    "summary": {
        "fr": "Contenu valide : {campaigns} campagne(s), {jobs} offre(s) dont {expired} expirée(s), {events} événement(s), {testimonials} témoignage(s), {pages} page(s).",
        "en": "Content valid: {campaigns} campaign(s), {jobs} job(s) including {expired} expired, {events} event(s), {testimonials} testimonial(s), {pages} page(s).",
    },
    "crash": {
        "fr": "erreur inattendue de Territoire ({error}) : rien n'a été modifié. Ce n'est pas une erreur de votre contenu ; envoyez le fichier {log} à l'équipe technique",
        "en": "unexpected Territoire error ({error}): nothing was changed. This is not a mistake in your content; send the file {log} to the technical team",
    },
    "errors_found": {"fr": "{count} erreur(s) à corriger — le site n'a pas été modifié.", "en": "{count} error(s) to fix — the site was left unchanged."},
}


class Messages:
    """``msg(key, **values)`` in one language."""

    def __init__(self, language: str = "fr"):
        self.language = language if language in ("fr", "en") else "fr"

    def __call__(self, key: str, **values: Any) -> str:
        template = CATALOG[key][self.language]
        return template.format(**values)

    def number(self, value: float) -> str:
        """A number as an officer writes it: 10 000 000, not 10000000.0."""
        from babel.numbers import format_decimal

        return format_decimal(int(value) if value == int(value) else value, locale=self.language)

    def guess(self, word: str, candidates) -> str:
        """A “did you mean …?” suffix, or nothing."""
        by_folded = {str(c).casefold(): str(c) for c in candidates}
        found = difflib.get_close_matches(str(word).casefold(), list(by_folded), n=1, cutoff=0.6)
        return self("did_you_mean", guess=by_folded[found[0]]) if found else ""
