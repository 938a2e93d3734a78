import type { MetadataRoute } from "next";

// Served as /robots.txt. The tools and sign-in pages may be indexed; the API
// and everything behind an account may not (they only redirect a crawler).
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dashboard", "/admin", "/settings"] },
  };
}
