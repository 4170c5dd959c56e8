"""Makes original.sqlite3: a database of the original app, made by its own models and migrations.

Usage: python make-fixture.py <checkout of nurhun/django_rest_framework_movies_apis_w_react_frontend,
       branch aws-ecs-and-api-gateway> <output file>

Run with Django 5.2 (the machines' package index has no Django 4.1.3, which the original pins) and bcrypt and
argon2-cffi installed. What differs from the original's own run, and why it does not change the tables:
- django-extensions is not installable here: a shim gives the three fields the movies migrations import
  (CreationDateTimeField and ModificationDateTimeField are DateTimeFields, AutoSlugField a SlugField of 50
  characters, blank, not editable, filled from the title, unique by a numeric suffix as django-extensions does).
- djangorestframework, dj-rest-auth, allauth and the rest are not installable either: their apps and tables
  (authtoken_token, account_emailaddress...) are left out; the import reports other tables generically.
- The movies app's ready() imports DRF's Token model for a signal on auth.User (which never fires with the
  original's users.CustomUser): an AppConfig without ready() is used.
- The users app has no committed migrations in the original: makemigrations makes them, as its README says.
- Django 4.1.3's default hasher is pbkdf2_sha256 with 390,000 iterations; most users here get exactly that
  (a subclass with that count), one Django 5.2's 1,000,000, and one each bcrypt_sha256 and argon2 as a team
  that added those hashers would have.
"""
import os
import shutil
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

original, output = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
work = Path(tempfile.mkdtemp())
for app in ("movies", "users", "utils"):
    shutil.copytree(original / "backend" / "moviesapi" / app, work / app)
shutil.rmtree(work / "movies" / "tests", ignore_errors=True)

(work / "django_extensions" / "db").mkdir(parents=True)
(work / "django_extensions" / "__init__.py").write_text("")
(work / "django_extensions" / "db" / "__init__.py").write_text("")
(work / "django_extensions" / "db" / "fields.py").write_text('''
from django.db import models
from django.utils.text import slugify


class CreationDateTimeField(models.DateTimeField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("auto_now_add", True)
        super().__init__(*args, **kwargs)


class ModificationDateTimeField(CreationDateTimeField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_now", True)
        super().__init__(*args, **kwargs)


class AutoSlugField(models.SlugField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("editable", False)
        self.populate_from = kwargs.pop("populate_from", None)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["populate_from"] = self.populate_from
        return name, path, args, kwargs

    def pre_save(self, instance, add):
        value = getattr(instance, self.attname)
        if not value:
            base = slugify(getattr(instance, self.populate_from))[: self.max_length]
            value, n = base, 2
            while type(instance).objects.filter(**{self.attname: value}).exclude(pk=instance.pk).exists():
                suffix = f"-{n}"
                value, n = base[: self.max_length - len(suffix)] + suffix, n + 1
            setattr(instance, self.attname, value)
        return value
''')
(work / "django_extensions" / "db" / "models.py").write_text('''
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_extensions.db.fields import AutoSlugField, CreationDateTimeField, ModificationDateTimeField


class TimeStampedModel(models.Model):
    created = CreationDateTimeField(_("created"))
    modified = ModificationDateTimeField(_("modified"))

    class Meta:
        get_latest_by = "modified"
        abstract = True


class TitleDescriptionModel(models.Model):
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, null=True)

    class Meta:
        abstract = True


class TitleSlugDescriptionModel(TitleDescriptionModel):
    slug = AutoSlugField(_("slug"), populate_from="title")

    class Meta:
        abstract = True
''')
(work / "fixture_settings.py").write_text(f'''
from django.apps import AppConfig
from django.contrib.auth.hashers import PBKDF2PasswordHasher
SECRET_KEY = "fixture"
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", "fixture_apps.Movies", "users"]
AUTH_USER_MODEL = "users.CustomUser"
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "{output}"}}}}
PASSWORD_HASHERS = ["fixture_apps.Django41PBKDF2PasswordHasher",
                    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
                    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
                    "django.contrib.auth.hashers.Argon2PasswordHasher"]
''')
(work / "fixture_apps.py").write_text('''
from django.apps import AppConfig
from django.contrib.auth.hashers import PBKDF2PasswordHasher


class Movies(AppConfig):
    """The original's MoviesConfig without ready(): its signal needs DRF's Token model."""
    default_auto_field = "django.db.models.BigAutoField"
    name = "movies"


class Django41PBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django 4.1.3's default: pbkdf2_sha256, 390,000 iterations."""
    iterations = 390000
''')

sys.path.insert(0, str(work))
os.chdir(work)
os.environ["DJANGO_SETTINGS_MODULE"] = "fixture_settings"
output.unlink(missing_ok=True)
import django
from django.core.management import call_command

django.setup()
call_command("makemigrations", "users", verbosity=0)
call_command("migrate", verbosity=0)

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from movies.models import Movie

User = get_user_model()
admin = User.objects.create_superuser("admin", "admin@example.com", "Original-Admin-1")
alice = User.objects.create_user("alice", "alice@example.com", "Alice-Pass-2022", first_name="Alice",
                                 last_name="Liddell")
alice.last_login = datetime(2023, 1, 5, 9, 30, 15, 123456, tzinfo=timezone.utc)
alice.save()
User.objects.create_user("bob", "bob@example.com", "Bob-Pass-2023",
                         is_staff=True).__class__.objects.filter(username="bob").update(
    password=make_password("Bob-Pass-2023", hasher="pbkdf2_sha256"))
User.objects.create_user("carol", "carol@example.com").__class__.objects.filter(username="carol").update(
    password=make_password("Carol-Pass-2023", hasher="bcrypt_sha256"))
User.objects.create_user("dave", "dave@example.com", "Dave-Pass-2022", is_active=False)
erin = User.objects.create_user("erin", "erin@example.com")
erin.set_unusable_password()
erin.save()
User.objects.create_user("frank", "frank@example.com").__class__.objects.filter(username="frank").update(
    password=make_password("Frank-Pass-2023", hasher="argon2"))

editors = Group.objects.create(name="editors")
editors.permissions.add(Permission.objects.get(codename="change_movie"))
alice.groups.add(editors)

movies = [
    Movie.objects.create(title="The Shawshank Redemption", description="Two imprisoned men bond.", year=1994),
    Movie.objects.create(title="Amélie", description=None, year=2001),
    Movie.objects.create(title="The Shawshank Redemption", description="The same title again: its slug differs.",
                         year=1994),
    Movie.objects.create(title="Metropolis", description="", year=0),
]
for minutes, movie in enumerate(movies):
    Movie.objects.filter(pk=movie.pk).update(
        created=datetime(2022, 12, 21, 22, 45 + minutes, 1, 654321, tzinfo=timezone.utc),
        modified=datetime(2022, 12, 27, 19, 58, minutes, 7, tzinfo=timezone.utc))
LogEntry.objects.create(user=admin, content_type=ContentType.objects.get_for_model(Movie),
                        object_id=str(movies[0].pk), object_repr=str(movies[0]), action_flag=ADDITION,
                        change_message="[]")
print(f"wrote {output}: {User.objects.count()} users, {Movie.objects.count()} movies")
