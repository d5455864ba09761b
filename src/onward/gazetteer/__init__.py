"""States as text mentions them: names, short forms, demonyms, cities, and ethnic groups that are not states.

>>> gazetteer = Gazetteer.default()
>>> [m.code for m in gazetteer.find_states("Uzbek refugees were returned to Tashkent from Moscow")]
['UZ', 'UZ', 'RU']
>>> gazetteer.resolve("the UAE")
'AE'
"""

from onward.gazetteer.gazetteer import Gazetteer, fold
from onward.gazetteer.mentions import EthnicGroup, Mention, MentionKind

__all__ = ["EthnicGroup", "Gazetteer", "Mention", "MentionKind", "fold"]
