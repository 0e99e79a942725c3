package io.leakwatch.admin;

/** Where the admin area lives: pages under {@code /admin} (session cookie), the API under {@code /api/admin} (bearer token). */
public final class AdminPaths {

    public static final String PAGES = "/admin";
    public static final String SIGN_IN = "/admin/sign-in";
    public static final String API = "/api/admin";

    private AdminPaths() {
    }

    public static boolean isPage(String path) {
        return path.equals(PAGES) || path.startsWith(PAGES + "/");
    }

    public static boolean isApi(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }
}
