import { Route, Routes } from "react-router";
import { AccountPage } from "./auth/AccountPage";
import { LoginPage } from "./auth/LoginPage";
import { ForgotPasswordPage, ResetPasswordPage } from "./auth/PasswordPages";
import { RequireAuth } from "./auth/RequireAuth";
import { ResendActivationPage, SignUpPage, VerifyEmailPage } from "./auth/SignUpPages";
import { PasswordChangeBanner } from "./auth/PasswordChangeBanner";
import { HomePage } from "./HomePage";
import { DashboardPage } from "./movies/DashboardPage";
import { MoviePage } from "./movies/MoviePage";
import { NotFoundPage } from "./NotFoundPage";
import { UsersPage } from "./users/UsersPage";
import { Navbar } from "./Navbar";

export function App() {
  return (
    <>
      <Navbar />
      <main className="container">
        <PasswordChangeBanner />
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/sign-up/resend" element={<ResendActivationPage />} />
          <Route path="/sign-up/verify/:key" element={<VerifyEmailPage />} />
          <Route path="/password/forgot" element={<ForgotPasswordPage />} />
          <Route path="/password/reset/:uid/:token" element={<ResetPasswordPage />} />
          <Route element={<RequireAuth />}>
            <Route path="/dashboard" element={<DashboardPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/users" element={<UsersPage />} />
          </Route>
          <Route path="/movies/:id" element={<MoviePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  );
}
