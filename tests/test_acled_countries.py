"""Every country and territory ACLED names (its data's `country` column: the 234 of ACLED's Explorer, as
the acledr R package's ACLEDctryCode lists them with their ISO 3166 codes, and the spellings of older
releases and of its codebook) is a country of the atlas (db/geography.py), and the right one."""

from __future__ import annotations

import pytest
from sitroom.db.geography import atlas

ACLED = {  # name as ACLED writes it: ISO 3166 alpha-3
    'Afghanistan': 'AFG', 'Albania': 'ALB', 'Algeria': 'DZA', 'American Samoa': 'ASM', 'Andorra': 'AND',
    'Angola': 'AGO', 'Anguilla': 'AIA', 'Antarctica': 'ATA', 'Antigua and Barbuda': 'ATG',
    'Argentina': 'ARG', 'Armenia': 'ARM', 'Aruba': 'ABW', 'Australia': 'AUS', 'Austria': 'AUT',
    'Azerbaijan': 'AZE', 'Bahamas': 'BHS', 'Bahrain': 'BHR', 'Bailiwick of Guernsey': 'GGY',
    'Bailiwick of Jersey': 'JEY', 'Bangladesh': 'BGD', 'Barbados': 'BRB', 'Belarus': 'BLR',
    'Belgium': 'BEL', 'Belize': 'BLZ', 'Benin': 'BEN', 'Bermuda': 'BMU', 'Bhutan': 'BTN', 'Bolivia': 'BOL',
    'Bosnia and Herzegovina': 'BIH', 'Botswana': 'BWA', 'Brazil': 'BRA', 'British Virgin Islands': 'VGB',
    'Brunei': 'BRN', 'Bulgaria': 'BGR', 'Burkina Faso': 'BFA', 'Burundi': 'BDI', 'Cambodia': 'KHM',
    'Cameroon': 'CMR', 'Canada': 'CAN', 'Cape Verde': 'CPV', 'Caribbean Netherlands': 'BES',
    'Cayman Islands': 'CYM', 'Central African Republic': 'CAF', 'Chad': 'TCD', 'Chile': 'CHL',
    'China': 'CHN', 'Christmas Island': 'CXR', 'Colombia': 'COL', 'Comoros': 'COM', 'Cook Islands': 'COK',
    'Costa Rica': 'CRI', 'Croatia': 'HRV', 'Cuba': 'CUB', 'Curacao': 'CUW', 'Cyprus': 'CYP',
    'Czech Republic': 'CZE', 'Democratic Republic of Congo': 'COD', 'Denmark': 'DNK', 'Djibouti': 'DJI',
    'Dominica': 'DMA', 'Dominican Republic': 'DOM', 'East Timor': 'TLS', 'Ecuador': 'ECU', 'Egypt': 'EGY',
    'El Salvador': 'SLV', 'Equatorial Guinea': 'GNQ', 'Eritrea': 'ERI', 'Estonia': 'EST',
    'Ethiopia': 'ETH', 'Falkland Islands': 'FLK', 'Faroe Islands': 'FRO', 'Fiji': 'FJI', 'Finland': 'FIN',
    'France': 'FRA', 'French Guiana': 'GUF', 'French Polynesia': 'PYF', 'Gabon': 'GAB', 'Gambia': 'GMB',
    'Georgia': 'GEO', 'Germany': 'DEU', 'Ghana': 'GHA', 'Gibraltar': 'GIB', 'Greece': 'GRC',
    'Greenland': 'GRL', 'Grenada': 'GRD', 'Guadeloupe': 'GLP', 'Guam': 'GUM', 'Guatemala': 'GTM',
    'Guinea': 'GIN', 'Guinea-Bissau': 'GNB', 'Guyana': 'GUY', 'Haiti': 'HTI', 'Honduras': 'HND',
    'Hungary': 'HUN', 'Iceland': 'ISL', 'India': 'IND', 'Indonesia': 'IDN', 'Iran': 'IRN', 'Iraq': 'IRQ',
    'Ireland': 'IRL', 'Isle of Man': 'IMN', 'Israel': 'ISR', 'Italy': 'ITA', 'Ivory Coast': 'CIV',
    'Jamaica': 'JAM', 'Japan': 'JPN', 'Jordan': 'JOR', 'Kazakhstan': 'KAZ', 'Kenya': 'KEN',
    'Kiribati': 'KIR', 'Kosovo': 'XKX', 'Kuwait': 'KWT', 'Kyrgyzstan': 'KGZ', 'Laos': 'LAO',
    'Latvia': 'LVA', 'Lebanon': 'LBN', 'Lesotho': 'LSO', 'Liberia': 'LBR', 'Libya': 'LBY',
    'Liechtenstein': 'LIE', 'Lithuania': 'LTU', 'Luxembourg': 'LUX', 'Madagascar': 'MDG', 'Malawi': 'MWI',
    'Malaysia': 'MYS', 'Maldives': 'MDV', 'Mali': 'MLI', 'Malta': 'MLT', 'Marshall Islands': 'MHL',
    'Martinique': 'MTQ', 'Mauritania': 'MRT', 'Mauritius': 'MUS', 'Mayotte': 'MYT', 'Mexico': 'MEX',
    'Micronesia': 'FSM', 'Moldova': 'MDA', 'Monaco': 'MCO', 'Mongolia': 'MNG', 'Montenegro': 'MNE',
    'Montserrat': 'MSR', 'Morocco': 'MAR', 'Mozambique': 'MOZ', 'Myanmar': 'MMR', 'Namibia': 'NAM',
    'Nauru': 'NRU', 'Nepal': 'NPL', 'Netherlands': 'NLD', 'New Caledonia': 'NCL', 'New Zealand': 'NZL',
    'Nicaragua': 'NIC', 'Niger': 'NER', 'Nigeria': 'NGA', 'Niue': 'NIU', 'North Korea': 'PRK',
    'North Macedonia': 'MKD', 'Northern Mariana Islands': 'MNP', 'Norway': 'NOR', 'Oman': 'OMN',
    'Pakistan': 'PAK', 'Palestine': 'PSE', 'Panama': 'PAN', 'Papua New Guinea': 'PNG', 'Paraguay': 'PRY',
    'Peru': 'PER', 'Philippines': 'PHL', 'Poland': 'POL', 'Portugal': 'PRT', 'Puerto Rico': 'PRI',
    'Qatar': 'QAT', 'Republic of Congo': 'COG', 'Reunion': 'REU', 'Romania': 'ROU', 'Russia': 'RUS',
    'Rwanda': 'RWA', 'Saint Kitts and Nevis': 'KNA', 'Saint Lucia': 'LCA',
    'Saint Pierre and Miquelon': 'SPM', 'Saint Vincent and the Grenadines': 'VCT',
    'Saint-Barthelemy': 'BLM', 'Saint-Martin': 'MAF', 'Samoa': 'WSM', 'San Marino': 'SMR',
    'Sao Tome and Principe': 'STP', 'Saudi Arabia': 'SAU', 'Senegal': 'SEN', 'Serbia': 'SRB',
    'Seychelles': 'SYC', 'Sierra Leone': 'SLE', 'Singapore': 'SGP', 'Sint Maarten': 'SXM',
    'Slovakia': 'SVK', 'Slovenia': 'SVN', 'Solomon Islands': 'SLB', 'Somalia': 'SOM',
    'South Africa': 'ZAF', 'South Korea': 'KOR', 'South Sudan': 'SSD', 'Spain': 'ESP', 'Sri Lanka': 'LKA',
    'Sudan': 'SDN', 'Suriname': 'SUR', 'Sweden': 'SWE', 'Switzerland': 'CHE', 'Syria': 'SYR',
    'Taiwan': 'TWN', 'Tajikistan': 'TJK', 'Tanzania': 'TZA', 'Thailand': 'THA', 'Togo': 'TGO',
    'Tokelau': 'TKL', 'Tonga': 'TON', 'Trinidad and Tobago': 'TTO', 'Tunisia': 'TUN', 'Turkey': 'TUR',
    'Turkmenistan': 'TKM', 'Turks and Caicos Islands': 'TCA', 'Tuvalu': 'TUV', 'Uganda': 'UGA',
    'Ukraine': 'UKR', 'United Arab Emirates': 'ARE', 'United Kingdom': 'GBR', 'United States': 'USA',
    'Uruguay': 'URY', 'Uzbekistan': 'UZB', 'Vanuatu': 'VUT', 'Vatican City': 'VAT', 'Venezuela': 'VEN',
    'Vietnam': 'VNM', 'Virgin Islands, U.S.': 'VIR', 'Wallis and Futuna': 'WLF', 'Yemen': 'YEM',
    'Zambia': 'ZMB', 'Zimbabwe': 'ZWE', 'eSwatini': 'SWZ',
}
OLDER = {"Swaziland": "SWZ", "Macedonia": "MKD", "Czechia": "CZE", "Türkiye": "TUR", "Cote d'Ivoire": "CIV",
         "Côte d'Ivoire": "CIV", "DR Congo": "COD"}
# Where Natural Earth's code is not ISO's: Kosovo's own, Palestine's and South Sudan's; a territory it
# holds as a division of its state (French overseas departments, Caribbean Netherlands, Christmas
# Island) or not at all (Tokelau, New Zealand's).
ATLAS_CODE = {"XKX": "KOS", "PSE": "PSX", "SSD": "SDS", "GUF": "FRA", "GLP": "FRA", "MTQ": "FRA",
              "MYT": "FRA", "REU": "FRA", "BES": "NLD", "CXR": "IOA", "TKL": "NZL"}


@pytest.mark.parametrize(("name", "iso3"), sorted({**ACLED, **OLDER}.items()))
def test_every_acled_country_is_a_country_of_the_atlas(name: str, iso3: str) -> None:
    found = atlas().country(name)
    assert found is not None and found.code == ATLAS_CODE.get(iso3, iso3)


def test_names_natural_earth_shortened_are_shown_in_full() -> None:
    assert atlas().country("United States").name == "United States of America"
    assert atlas().country("S. Sudan").name == "South Sudan"
    assert atlas().country("West Bank").name == "Palestine"


def test_a_territory_of_a_state_finds_its_division() -> None:
    assert atlas().region("Mayotte", "Mayotte").name == "Mayotte"
    assert atlas().region("Caribbean Netherlands", "Bonaire").name == "Bonaire"
