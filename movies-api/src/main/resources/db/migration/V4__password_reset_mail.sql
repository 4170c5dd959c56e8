-- When the account's last password reset mail went out: at most one per movies.mail.reset-interval, however
-- often its address is asked for (UserService.requestPasswordReset).
ALTER TABLE app_user ADD COLUMN reset_mail_sent TIMESTAMP WITH TIME ZONE;
