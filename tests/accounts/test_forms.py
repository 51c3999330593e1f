"""Accounts forms: texts built when the module is imported still follow the reader."""

from django.utils import translation

from accounts.forms import RoleForm


def test_role_descriptions_follow_the_readers_language():
    with translation.override("en"):
        english = str(RoleForm().fields["role"].help_text)
    with translation.override("fr"):
        french = str(RoleForm().fields["role"].help_text)
    assert english.startswith("Viewer: Reads everything, changes nothing.")
    assert french.startswith("Lecteur\xa0: ")
    assert "Reads everything" not in french
