from sitrep import settings


def test_every_setting_has_a_help_line():
    for s in settings.SETTINGS.values():
        assert s.help and s.help.strip().endswith("."), s.name
        assert s.env.startswith("SITREP_")


def test_settings_read_the_environment(monkeypatch):
    monkeypatch.setenv("SITREP_BATCH_SIZE", "7")
    monkeypatch.setenv("SITREP_EXTRACT", "0")
    assert settings.get("batch_size") == 7
    assert settings.get("extract") is False
