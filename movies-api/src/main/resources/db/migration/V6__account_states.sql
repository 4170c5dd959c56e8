-- email_verified: false from self-service sign-up until the address's verification link is followed (which also
-- activates the account); an account staff deactivate stays verified, so that no link can reactivate it.
-- password_change_required: the admin created with a generated first password is asked to choose their own.
ALTER TABLE app_user ADD COLUMN email_verified BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
