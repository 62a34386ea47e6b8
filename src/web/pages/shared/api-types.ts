// Generated from openapi/openapi.json by `npm run api-types` (openapi-typescript): do not edit.
// The pages read these through the names in ./types.ts.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and every migration has run */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/captcha": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proof-of-work challenge for the login form (ALTCHA; single use, 5 minutes) */
        get: operations["getCaptcha"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with merchant code, username, password and the solved captcha (not needed when KAQUAN_CAPTCHA=off)
         * @description Every attempt counts before anything is checked: more than 20 failures from one address (IPv6: one /64) in 10 minutes → 429; 5 wrong passwords for one username → 423 account_locked for 15 minutes (for unknown usernames alike).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's own password; other sessions end */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listAdmins"];
        put?: never;
        post: operations["createAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getAdmin"];
        put?: never;
        post?: never;
        delete: operations["deleteAdmin"];
        options?: never;
        head?: never;
        patch: operations["updateAdmin"];
        trace?: never;
    };
    "/api/v1/admins/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset another admin's password to a new random one, answered once; that admin's sessions end */
        post: operations["resetAdminPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log, newest first; `action` matches itself and its sub-actions (e.g. "admins") */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listProducts"];
        put?: never;
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /** Delete a product no card uses (409 product_in_use otherwise) */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an image: a product picture or the storefront logo (multipart field "file"; JPEG, PNG or WebP, at most 5 MB; products.write or settings.write) */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads/{merchant_id}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An uploaded image */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listCardBatches"];
        put?: never;
        /**
         * Create a batch of cards (创建卡券); quick create needs only product_ids and quantity
         * @description Small batches are ready in the answer (201). Large ones answer 202 with status `generating` and progress; poll GET /api/v1/card-batches/{batch_no}.
         */
        post: operations["createCardBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-batches/{batch_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch with its generation progress and counts of its cards by state */
        get: operations["getCardBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cards by filter, in serial order (keyset pages), with counts by state for the filter */
        get: operations["listCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate, deactivate, void, restore, delete or update many cards (批量操作)
         * @description Permission by action: activate/deactivate cards.activate, void/restore cards.void, delete cards.delete, update and extend cards.edit. extend (储值券延期): each active stored-value voucher never extended, ending no more than 30 days ago, gets 30 more days (others are skipped as not_extendable). `dry_run` answers the same counts and changes nothing. An action on up to 20,000 cards is done when it answers (200). A larger one answers 202 with the job doing it in the background (progress, resumed after a restart; one job per batch at a time, else 409 `bulk_job_running`): poll GET /api/v1/card-bulk-jobs/{job_no}.
         */
        post: operations["bulkCardAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-bulk-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bulk actions run in the background, newest first */
        get: operations["listCardBulkJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-bulk-jobs/{job_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background bulk action: its progress and, once done, its counts */
        get: operations["getCardBulkJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A card with its history (who did what, when) */
        get: operations["getCard"];
        put?: never;
        post?: never;
        /** Delete a voided card, for good */
        delete: operations["deleteCard"];
        options?: never;
        head?: never;
        /** Change the given fields of one card (card number and password never change) */
        patch: operations["updateCard"];
        trace?: never;
    };
    "/api/v1/cards/{card_no}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["activateCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["deactivateCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["voidCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["restoreCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/voucher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A stored-value voucher: balance, validity, restrictions, holds (its ledger is the card's history) */
        get: operations["getVoucher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/voucher/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add to or take from a voucher's balance (余额调整), with a reason; never below 0; audited */
        post: operations["adjustVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/voucher/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The one extension (延期): +30 days, while valid or up to 30 days after expiry; dry_run answers the new last day and changes nothing */
        post: operations["extendVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{card_no}/voucher/unbind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unbind a voucher from its phone (解绑), with a reason; audited */
        post: operations["unbindVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/distributors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The distributors, each with counts of its cards by state */
        get: operations["listDistributors"];
        put?: never;
        post: operations["createDistributor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/distributors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A distributor with counts of its cards by state */
        get: operations["getDistributor"];
        put?: never;
        post?: never;
        /** Delete a distributor holding no cards */
        delete: operations["deleteDistributor"];
        options?: never;
        head?: never;
        patch: operations["updateDistributor"];
        trace?: never;
    };
    "/api/v1/settings/storefront": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getStorefrontSettings"];
        put: operations["putStorefrontSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["patchStorefrontSettings"];
        trace?: never;
    };
    "/api/v1/settings/pickup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getPickupSettings"];
        /** Pickup switch, reservation mode (预约发货), daily cap and redirect URL */
        put: operations["putPickupSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["patchPickupSettings"];
        trace?: never;
    };
    "/api/v1/couriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The courier catalogue and the merchant's own variants */
        get: operations["listCouriers"];
        put?: never;
        /** A merchant variant of a courier (物流配置): product type and monthly account code */
        post: operations["createCourier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/couriers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a merchant variant, or disable / enable it (a disabled variant takes no new e-waybills) */
        patch: operations["updateCourier"];
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders by tab (今天/明天/后天待发, 今天/昨天已发, all) and filters, newest first, with counts per tab */
        get: operations["listOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Manual shipping (人工发货); on a shipped order, changes the waybill (audited) */
        post: operations["shipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a pending order; the card becomes active again
         * @description A shipped order's e-waybill is given back first (POST /e-waybill/cancel); until the courier confirmed it, 409 waybill_cancel_pending (or waybill_cancel_refused with the courier's reason).
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Shipped → delivered; pending → completed */
        post: operations["completeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's timeline in time order: created, ERP push, texts, e-waybill, shipped, tracking lines, delivered, cancelled */
        get: operations["getOrderTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redeem/{merchant_code}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the pickup page needs: storefront, pickup switch, reservation rules */
        get: operations["getRedeemConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redeem/{merchant_code}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Card number + password → token, card and its products
         * @description A wrong number and a wrong password give the same 422 card_invalid. 5 wrong passwords in a row lock the card for 30 minutes (423 card_locked); more than 20 failures from one address in 10 minutes → 429.
         */
        post: operations["verifyCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redeem/{merchant_code}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Token + product + address → the order (one card, one order) */
        post: operations["submitRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redeem/{merchant_code}/orders/{order_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's order: by token, or by card number + password */
        get: operations["getRedeemOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/redeem/{merchant_code}/order-lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * "My order": the card's latest order, by card number + password
         * @description The same answers and lockouts as verify for a wrong number or password; 404 order_not_found when the card has no order yet.
         */
        post: operations["lookupRedeemOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/store-pickups/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 到店提货: check the card number + password and list the card's products
         * @description Wrong passwords count toward the card's lock, as on the pickup page.
         */
        post: operations["verifyStorePickupCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/phone-pickups/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 电话提货: check the card number + password and list the card's products
         * @description Wrong passwords count toward the card's lock, as on the pickup page.
         */
        post: operations["verifyPhonePickupCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/store-pickups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** In-store pickup (到店提货): the order completes at once */
        post: operations["storePickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/phone-pickups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Phone pickup (电话提货): staff enter the customer's address */
        post: operations["phonePickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listApps"];
        put?: never;
        /** Create an app; the secret is in this answer only */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["updateApp"];
        trace?: never;
    };
    "/api/v1/apps/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New secret (shown once); the old one works 24 hours more */
        post: operations["rotateAppSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Register an endpoint (https; http only for localhost); the secret is in this answer only */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New secret (shown once); for 24 hours deliveries carry two signatures */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a webhook.test delivery */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-queue dead (or all) deliveries created in a time range (since ≤ created < until) */
        post: operations["replayWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Card export (卡券导出) for printers: xlsx, or zip with one QR PNG per card
         * @description The same filters as the card list. Passwords need cards.export_secrets; every export with passwords is audited. A browser saves a large export straight to disk through POST /api/v1/cards/export-link instead.
         */
        get: operations["exportCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/export-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use link to a card export, valid for 60 seconds
         * @description The body is the query of GET /api/v1/cards/export. The answer's url needs no Authorization header: a page navigates to it and the browser saves the file to disk as it streams (a million rows never sit in the page's memory). It works once; the permissions are checked again when it is used.
         */
        post: operations["createCardExportLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follows a single-use download link (no Authorization header: the link is the credential) */
        get: operations["download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The card import template (with instructions in Chinese) */
        get: operations["cardImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Card import (卡券导入): every row valid → one new batch; any problem → nothing imported and a row-level report
         * @description Multipart fields: file (xlsx), product_ids (comma-separated), name, face_value (cents), valid_from, valid_to, activate (true/false), dry_run (true/false).
         */
        post: operations["importCards"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The row-level report of a refused import (or of a ship import's rows in error), as xlsx */
        get: operations["importReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Order export (订单导出) with the list filters and tab, for printing software */
        get: operations["exportOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/export-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use link to an order export, valid for 60 seconds
         * @description The body is the query of GET /api/v1/orders/export (the list's filters and tab). The answer's url needs no Authorization header: the console navigates to it and the browser saves the file to disk as it streams. It works once; orders.export is checked again when it is used.
         */
        post: operations["createOrderExportLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-issues/phone-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Template for issuing cards to a list of phones */
        get: operations["phoneListTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/card-issues/import-phones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue cards to a list of phones (phone, quantity) as the open platform does: all or nothing
         * @description Multipart fields: file (xlsx), batch_no, send_sms (true/false).
         */
        post: operations["issueToPhones"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/ship-import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["shipImportTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/ship-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Batch shipping (批量发货): order_no, courier (code or name), waybill_no per row; a repeat changes nothing */
        post: operations["shipImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getNotificationSettings"];
        /** SMS provider, signature, templates, switches A/B/C and limits */
        put: operations["putNotificationSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["patchNotificationSettings"];
        trace?: never;
    };
    "/api/v1/settings/notifications/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["testNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sms-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listSmsMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/tracking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTrackingSettings"];
        /** Courier tracking pushes: the Kuaidi100 salt, the SF URL token and allowlist */
        put: operations["putTrackingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** The same as the PUT: only the fields sent change */
        patch: operations["patchTrackingSettings"];
        trace?: never;
    };
    "/hooks/couriers/kuaidi100/{merchant_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Kuaidi100 tracking push (form fields param, sign = MD5(param + salt)); stored, then applied by the outbox */
        post: operations["kuaidi100Push"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hooks/couriers/sf/{merchant_code}/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SF route push (secret URL token): JSON, XML in the form field content, or a text/xml body; stored, then applied by the outbox */
        post: operations["sfRoutePush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/e-waybill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getEWaybillSettings"];
        /** The e-waybill sender (寄件人): every field required */
        put: operations["putEWaybillSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["patchEWaybillSettings"];
        trace?: never;
    };
    "/api/v1/couriers/{id}/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The e-waybill vendor account of a courier variant; secrets masked (****abcd) */
        get: operations["getCourierAccount"];
        /** The e-waybill vendor account of a courier variant (SF open platform or Kuaidi100); secrets stored encrypted, kept when omitted, returned masked */
        put: operations["setCourierAccount"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/couriers/{id}/account/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A harmless read-only call to the vendor with the stored account (15 s at most); the outcome in Chinese */
        post: operations["testCourierAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/e-waybill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request an e-waybill; the order ships when the courier answers */
        post: operations["requestEWaybill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/e-waybill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["requestEWaybills"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The e-waybill label (面单) of an order as a PDF, fetched from the courier now (SF cloud print; Kuaidi100 label image) */
        get: operations["getOrderLabel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use link (60 s) to one PDF with the labels of the ticked orders, in their order
         * @description Every order must have an e-waybill (409 e_waybill_missing otherwise, nothing created). The link needs no Authorization header: the page navigates to it; the labels are fetched from the couriers when it is followed.
         */
        post: operations["createLabelsLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/label/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud print (云打印/复打): the Kuaidi100 label sent to the merchant's cloud printer (siid) again */
        post: operations["printOrderLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{order_no}/e-waybill/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 取消电子面单: the waybill is given back (the order is pending again) and cancelled at the courier through the outbox
         * @description Refused once the courier has collected the parcel (409 waybill_collected). The order itself can be cancelled (POST /cancel) once the courier confirmed the cancel (409 waybill_cancel_pending before, waybill_cancel_refused when the courier refused).
         */
        post: operations["cancelEWaybill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/erp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getErpSettings"];
        /** Wangdiantong connection (classic openapi2 or 旗舰版); the appsecret is stored encrypted and shown masked */
        put: operations["putErpSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["patchErpSettings"];
        trace?: never;
    };
    "/api/v1/settings/erp/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A read-only call (查询店铺) with these parameters (appsecret omitted: the stored one) that proves the credentials and the shop; nothing is saved */
        post: operations["testErpConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erp/logistics-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last back-sync (periodic or 立即同步): when, how it ended, what it did; null before the first */
        get: operations["getErpLastSync"];
        put?: never;
        /** Pull shipments and stock from the ERP now (it also runs every five minutes); 502 erp_call_failed with the ERP's reason when it fails, 409 erp_sync_busy while another instance syncs this merchant */
        post: operations["syncErpLogistics"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/erp/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stock the ERP synced (every five minutes, with the shipments) for each product that names ERP goods, and when */
        get: operations["getErpStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["listIntegrationCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration-calls/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed call (dead, or waiting for its next retry) again now with a fresh retry schedule; 409 integration_call_not_failed otherwise */
        post: operations["retryIntegrationCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merchant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The merchant profile: code, display name, contact, time zone */
        get: operations["getMerchant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the fields sent (the code never changes); audited as merchants.update */
        patch: operations["updateMerchant"];
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 概览: cards by state with face values, orders to ship and shipped, redemptions per day (30 days), failing deliveries and calls, the public address check */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openListProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/card-issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sell cards to phone numbers (all or nothing); a repeated out_order_no returns the first result (200) */
        post: operations["openIssueCards"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/card-issues/{issue_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openGetIssue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/card-issues/{issue_no}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["openCancelIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/cards/{card_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openGetCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem on the mall's own pages; one card, one order; a repeated out_order_no returns the first (200) */
        post: operations["openRedeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A voucher bound to the phone the mall names: balance, validity, restrictions (with the password: POST …/query) */
        get: operations["openGetVoucher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A voucher by its number and password (or bound phone): balance, validity, restrictions. The password is counted by the guessing limits */
        post: operations["openQueryVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reserve an amount of a voucher for a checkout (预授权): taken from the balance now, captured or released later, released by itself at expires_at. A repeated out_trade_no returns the first hold (200) */
        post: operations["openHoldVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}/debits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge an amount of a voucher at once (a hold captured in the same step, for a checkout with nothing else to wait for); the same rules as a hold; refunds and trade cancels as for a captured hold. A repeated out_trade_no returns the first debit (200) */
        post: operations["openDebitVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/holds/{hold_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openGetHold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/holds/{hold_no}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge a hold (the checkout succeeded); capturing again answers the same; a released or lapsed hold is refused (409 hold_not_held) */
        post: operations["openCaptureHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/holds/{hold_no}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a held amount back (the checkout was abandoned); releasing again answers the same */
        post: operations["openReleaseHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/holds/{hold_no}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund part or all of a captured hold to its voucher (even an expired one); never more than was captured; one refund per out_refund_no */
        post: operations["openRefundHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/voucher-trades/{out_trade_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A trade (out_trade_no) paid with one or more vouchers: the hold on each, and what is held, captured and refunded */
        get: operations["openGetVoucherTrade"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/voucher-trades/{out_trade_no}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The order was cancelled: every voucher of the trade gets its share back (held amounts released, captured ones refunded in full, even to a voucher expired since); cancelling again changes nothing */
        post: operations["openCancelVoucherTrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The one extension (延期): +30 days, while valid or up to 30 days after expiry; a second is refused (409 voucher_already_extended) */
        post: operations["openExtendVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/vouchers/{card_no}/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bind a voucher to a phone with its password (绑定): from then on only that phone may use it */
        post: operations["openBindVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/orders/{order_no}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openGetOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["openListOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getCaptcha: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An ALTCHA v2 proof-of-work challenge (https://altcha.org): give this object to the ALTCHA widget, or solve it with altcha-lib's solveChallenge */
                        parameters: {
                            algorithm: string;
                            nonce: string;
                            salt: string;
                            cost: number;
                            keyLength: number;
                            keyPrefix: string;
                            keySignature?: string;
                            data?: {
                                [key: string]: string | number | boolean | (never | null);
                            };
                        };
                        signature: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The merchant (商户代码); default: "default", the merchant of a single-merchant installation */
                    merchant_code?: string;
                    /** @description Letters and digits, as usernames are made */
                    username: string;
                    password: string;
                    /** @description The ALTCHA payload: base64 of JSON { challenge, solution } (what the widget puts in its form field); single use, 5 minutes. Not needed when KAQUAN_CAPTCHA=off */
                    captcha?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        /** Format: date-time */
                        expires_at: string;
                        admin: {
                            id: number;
                            username: string;
                            name: string;
                            phone: string | null;
                            permissions: string[];
                            is_owner: boolean;
                            status: "active" | "disabled";
                            /** Format: date-time */
                            locked_until: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin: {
                            id: number;
                            username: string;
                            name: string;
                            phone: string | null;
                            permissions: string[];
                            is_owner: boolean;
                            status: "active" | "disabled";
                            /** Format: date-time */
                            locked_until: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                        merchant: {
                            id: number;
                            code: string;
                            name: string;
                            timezone: string;
                            /** @description The pickup page customers open (PUBLIC_BASE_URL/r/{code}): what the 提货前台 page shows and draws as a QR code */
                            pickup_url: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    old_password: string;
                    /** @description 10-128 characters (letters, digits, symbols, spaces), not a common or easily guessed password: refused with 422 password_weak otherwise */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listAdmins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            username: string;
                            name: string;
                            phone: string | null;
                            permissions: string[];
                            is_owner: boolean;
                            status: "active" | "disabled";
                            /** Format: date-time */
                            locked_until: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Letters and digits, 3-32 */
                    username: string;
                    name: string;
                    /** @description Mainland China mobile number */
                    phone?: string | null;
                    /** @description 10-128 characters (letters, digits, symbols, spaces), not a common or easily guessed password: refused with 422 password_weak otherwise */
                    password: string;
                    /** @default [] */
                    permissions: ("products.read" | "products.write" | "distributors.write" | "cards.read" | "cards.create" | "cards.activate" | "cards.edit" | "cards.void" | "cards.delete" | "cards.export" | "cards.export_secrets" | "cards.import" | "orders.read" | "orders.ship" | "orders.export" | "orders.cancel" | "redeem.store" | "redeem.phone" | "settings.write" | "apps.write" | "webhooks.write" | "admins.write" | "audit.read")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        name: string;
                        phone: string | null;
                        permissions: string[];
                        is_owner: boolean;
                        status: "active" | "disabled";
                        /** Format: date-time */
                        locked_until: string | null;
                        /** Format: date-time */
                        last_login_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        name: string;
                        phone: string | null;
                        permissions: string[];
                        is_owner: boolean;
                        status: "active" | "disabled";
                        /** Format: date-time */
                        locked_until: string | null;
                        /** Format: date-time */
                        last_login_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Mainland China mobile number */
                    phone?: string | null;
                    /** @description 10-128 characters (letters, digits, symbols, spaces), not a common or easily guessed password: refused with 422 password_weak otherwise */
                    password?: string;
                    permissions?: ("products.read" | "products.write" | "distributors.write" | "cards.read" | "cards.create" | "cards.activate" | "cards.edit" | "cards.void" | "cards.delete" | "cards.export" | "cards.export_secrets" | "cards.import" | "orders.read" | "orders.ship" | "orders.export" | "orders.cancel" | "redeem.store" | "redeem.phone" | "settings.write" | "apps.write" | "webhooks.write" | "admins.write" | "audit.read")[];
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        name: string;
                        phone: string | null;
                        permissions: string[];
                        is_owner: boolean;
                        status: "active" | "disabled";
                        /** Format: date-time */
                        locked_until: string | null;
                        /** Format: date-time */
                        last_login_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    resetAdminPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new password, random (16 letters and digits): shown this once, never stored in the clear; the admin signs in with it and changes it */
                        password: string;
                        admin: {
                            id: number;
                            username: string;
                            name: string;
                            phone: string | null;
                            permissions: string[];
                            is_owner: boolean;
                            status: "active" | "disabled";
                            /** Format: date-time */
                            locked_until: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                actor_id?: number;
                action?: string;
                from?: string;
                to?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            actor_type: string;
                            actor_id: number | null;
                            actor_name: string;
                            action: string;
                            target_type: string | null;
                            target_id: string | null;
                            summary: {
                                [key: string]: unknown;
                            } | null;
                            ip: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                status?: "on" | "off";
                category?: string;
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            name: string;
                            images: string[];
                            /** @description HTML; sanitised against a safe allow-list */
                            description: string | null;
                            /** @description ERP goods number (货品编号) */
                            goods_no: string | null;
                            /** @description ERP spec number (规格编号) */
                            spec_no: string | null;
                            category: string | null;
                            /**
                             * @description Price in cents (分): what a stored-value voucher pays for one
                             * @example 9900
                             */
                            price: number | null;
                            /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                            supplier: string | null;
                            /** @description Extension attributes (扩展属性) */
                            attributes: {
                                key: string;
                                value: string;
                            }[];
                            /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                            erp_goods: {
                                goods_no: string | null;
                                spec_no: string | null;
                                quantity: number;
                            }[];
                            status: "on" | "off";
                            sort_order: number;
                            /** @description The first image, or null */
                            image_url: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    images?: string[];
                    /** @description HTML; sanitised against a safe allow-list */
                    description?: string | null;
                    /** @description ERP goods number (货品编号) */
                    goods_no?: string | null;
                    /** @description ERP spec number (规格编号) */
                    spec_no?: string | null;
                    category?: string | null;
                    /**
                     * @description Price in cents (分): what a stored-value voucher pays for one
                     * @example 9900
                     */
                    price?: number | null;
                    /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                    supplier?: string | null;
                    /** @description Extension attributes (扩展属性) */
                    attributes?: {
                        key: string;
                        value: string;
                    }[];
                    /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                    erp_goods?: {
                        goods_no: string | null;
                        spec_no: string | null;
                        quantity: number;
                    }[];
                    status?: "on" | "off";
                    sort_order?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        images: string[];
                        /** @description HTML; sanitised against a safe allow-list */
                        description: string | null;
                        /** @description ERP goods number (货品编号) */
                        goods_no: string | null;
                        /** @description ERP spec number (规格编号) */
                        spec_no: string | null;
                        category: string | null;
                        /**
                         * @description Price in cents (分): what a stored-value voucher pays for one
                         * @example 9900
                         */
                        price: number | null;
                        /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                        supplier: string | null;
                        /** @description Extension attributes (扩展属性) */
                        attributes: {
                            key: string;
                            value: string;
                        }[];
                        /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                        erp_goods: {
                            goods_no: string | null;
                            spec_no: string | null;
                            quantity: number;
                        }[];
                        status: "on" | "off";
                        sort_order: number;
                        /** @description The first image, or null */
                        image_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        images: string[];
                        /** @description HTML; sanitised against a safe allow-list */
                        description: string | null;
                        /** @description ERP goods number (货品编号) */
                        goods_no: string | null;
                        /** @description ERP spec number (规格编号) */
                        spec_no: string | null;
                        category: string | null;
                        /**
                         * @description Price in cents (分): what a stored-value voucher pays for one
                         * @example 9900
                         */
                        price: number | null;
                        /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                        supplier: string | null;
                        /** @description Extension attributes (扩展属性) */
                        attributes: {
                            key: string;
                            value: string;
                        }[];
                        /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                        erp_goods: {
                            goods_no: string | null;
                            spec_no: string | null;
                            quantity: number;
                        }[];
                        status: "on" | "off";
                        sort_order: number;
                        /** @description The first image, or null */
                        image_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    images?: string[];
                    /** @description HTML; sanitised against a safe allow-list */
                    description?: string | null;
                    /** @description ERP goods number (货品编号) */
                    goods_no?: string | null;
                    /** @description ERP spec number (规格编号) */
                    spec_no?: string | null;
                    category?: string | null;
                    /**
                     * @description Price in cents (分): what a stored-value voucher pays for one
                     * @example 9900
                     */
                    price?: number | null;
                    /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                    supplier?: string | null;
                    /** @description Extension attributes (扩展属性) */
                    attributes?: {
                        key: string;
                        value: string;
                    }[];
                    /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                    erp_goods?: {
                        goods_no: string | null;
                        spec_no: string | null;
                        quantity: number;
                    }[];
                    status?: "on" | "off";
                    sort_order?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        images: string[];
                        /** @description HTML; sanitised against a safe allow-list */
                        description: string | null;
                        /** @description ERP goods number (货品编号) */
                        goods_no: string | null;
                        /** @description ERP spec number (规格编号) */
                        spec_no: string | null;
                        category: string | null;
                        /**
                         * @description Price in cents (分): what a stored-value voucher pays for one
                         * @example 9900
                         */
                        price: number | null;
                        /** @description Supplier (供应商): a stored-value batch may be restricted to some */
                        supplier: string | null;
                        /** @description Extension attributes (扩展属性) */
                        attributes: {
                            key: string;
                            value: string;
                        }[];
                        /** @description The ERP goods this product is made of (a gift box of several goods): one order line each, with its quantity. Empty: the product itself (goods_no / spec_no), one of it */
                        erp_goods: {
                            goods_no: string | null;
                            spec_no: string | null;
                            quantity: number;
                        }[];
                        status: "on" | "off";
                        sort_order: number;
                        /** @description The first image, or null */
                        image_url: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG, PNG or WebP, at most 5 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        content_type: string;
                        size: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_id: string;
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listCardBatches: {
        parameters: {
            query?: {
                status?: "generating" | "ready" | "failed";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            batch_no: string;
                            name: string;
                            source: "generated" | "imported";
                            prefix: string;
                            number_length: number;
                            number_mode: string;
                            start_number: string | null;
                            password_length: number;
                            password_charset: string;
                            quantity: number;
                            /**
                             * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                             * @default pickup
                             */
                            kind: "pickup" | "stored_value";
                            product_ids: number[];
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                            valid_days: number | null;
                            /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                            restrictions: {
                                product_ids?: number[];
                                categories?: string[];
                                suppliers?: string[];
                                provinces?: string[];
                            } | null;
                            remark: string | null;
                            activate: boolean;
                            status: "generating" | "ready" | "failed";
                            progress: {
                                done: number;
                                total: number;
                            };
                            error_code: string | null;
                            serial_from: number;
                            serial_to: number;
                            counts?: {
                                inactive: number;
                                active: number;
                                redeemed: number;
                                voided: number;
                                total: number;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createCardBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 2027 春节礼盒 */
                    name?: string;
                    /**
                     * @description Letters and digits, not starting with 0, at most 16
                     * @example TH
                     */
                    prefix?: string;
                    /**
                     * @description Digits after the prefix
                     * @default 8
                     */
                    number_length?: number;
                    /** @default sequential */
                    number_mode?: "sequential" | "random";
                    /** @description Numbers are start+1, start+2, …; number_length is then ignored */
                    start_number?: string;
                    /** @default 10 */
                    password_length?: number;
                    /** @default digits */
                    password_charset?: "digits" | "letters" | "alnum";
                    /** @example 100 */
                    quantity: number;
                    /**
                     * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                     * @default pickup
                     */
                    kind?: "pickup" | "stored_value";
                    /**
                     * @description A pickup card redeems any one of these (一卡多提); at least one. Not for stored-value batches (their restrictions say what they buy)
                     * @example [
                     *       1
                     *     ]
                     */
                    product_ids?: number[];
                    /**
                     * @description Cents (分)
                     * @example 19900
                     */
                    face_value?: number | null;
                    /**
                     * @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31
                     * @example 2027-01-01
                     */
                    valid_from?: string | null;
                    /**
                     * @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31
                     * @example 2027-12-31
                     */
                    valid_to?: string | null;
                    /**
                     * @description Stored value: valid for N days from the day after activation, in the merchant's time zone (有效期自激活次日起计算); instead of fixed dates
                     * @example 90
                     */
                    valid_days?: number | null;
                    /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                    restrictions?: {
                        product_ids?: number[];
                        categories?: string[];
                        suppliers?: string[];
                        provinces?: string[];
                    } | null;
                    remark?: string | null;
                    /** @default false */
                    activate?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_no: string;
                        name: string;
                        source: "generated" | "imported";
                        prefix: string;
                        number_length: number;
                        number_mode: string;
                        start_number: string | null;
                        password_length: number;
                        password_charset: string;
                        quantity: number;
                        /**
                         * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                         * @default pickup
                         */
                        kind: "pickup" | "stored_value";
                        product_ids: number[];
                        face_value: number | null;
                        valid_from: string | null;
                        valid_to: string | null;
                        valid_days: number | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        remark: string | null;
                        activate: boolean;
                        status: "generating" | "ready" | "failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        error_code: string | null;
                        serial_from: number;
                        serial_to: number;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_no: string;
                        name: string;
                        source: "generated" | "imported";
                        prefix: string;
                        number_length: number;
                        number_mode: string;
                        start_number: string | null;
                        password_length: number;
                        password_charset: string;
                        quantity: number;
                        /**
                         * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                         * @default pickup
                         */
                        kind: "pickup" | "stored_value";
                        product_ids: number[];
                        face_value: number | null;
                        valid_from: string | null;
                        valid_to: string | null;
                        valid_days: number | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        remark: string | null;
                        activate: boolean;
                        status: "generating" | "ready" | "failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        error_code: string | null;
                        serial_from: number;
                        serial_to: number;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getCardBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch_no: string;
                        name: string;
                        source: "generated" | "imported";
                        prefix: string;
                        number_length: number;
                        number_mode: string;
                        start_number: string | null;
                        password_length: number;
                        password_charset: string;
                        quantity: number;
                        /**
                         * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                         * @default pickup
                         */
                        kind: "pickup" | "stored_value";
                        product_ids: number[];
                        face_value: number | null;
                        valid_from: string | null;
                        valid_to: string | null;
                        valid_days: number | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        remark: string | null;
                        activate: boolean;
                        status: "generating" | "ready" | "failed";
                        progress: {
                            done: number;
                            total: number;
                        };
                        error_code: string | null;
                        serial_from: number;
                        serial_to: number;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listCards: {
        parameters: {
            query?: {
                batch_no?: string;
                status?: "inactive" | "active" | "redeemed" | "voided";
                redeemed?: "yes" | "no";
                serial_from?: number;
                serial_to?: number;
                /** @description Exact card number */
                card_no?: string;
                /** @description Card numbers starting with this */
                card_no_prefix?: string;
                /** @description 0 = cards without a distributor */
                distributor_id?: number;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                valid_on?: string;
                created_from?: string;
                created_to?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Counts of a filter other than batch and state stop after 10,000 cards (`counts_capped`) unless `exact` is asked; batch and state filters are always exact */
                count?: "capped" | "exact";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            serial: number;
                            card_no: string;
                            batch_no: string;
                            status: "inactive" | "active" | "redeemed" | "voided";
                            /**
                             * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                             * @default pickup
                             */
                            kind: "pickup" | "stored_value";
                            /** @description Stored value: the balance in fen (null for a pickup card, and for a voucher not activated yet) */
                            balance: number | null;
                            /** @description Stored value: its one extension (延期) was used */
                            extended: boolean;
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                            products: {
                                product_id: number;
                                name: string;
                            }[];
                            distributor: {
                                id: number;
                                name: string;
                            } | null;
                            /** @description Bound by an open-platform or phone-list issue */
                            phone: string | null;
                            /** @description The open-platform app that sold the card */
                            sold_via: {
                                app_id: number;
                                name: string;
                            } | null;
                            remark: string | null;
                            /** Format: date-time */
                            redeemed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                        counts: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** @description True when the filter matched more than 10,000 cards and only 10,001 of them were counted (the counts by state are of those): show the total as "10,000+"; ask count=exact for exact figures */
                        counts_capped: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    bulkCardAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    action: "activate" | "deactivate" | "void" | "restore" | "delete" | "update" | "extend";
                    /** @description A list filter, a serial range (卡序号区间), or up to 10,000 card numbers */
                    target: {
                        filter?: {
                            batch_no?: string;
                            status?: "inactive" | "active" | "redeemed" | "voided";
                            redeemed?: "yes" | "no";
                            serial_from?: number;
                            serial_to?: number;
                            /** @description Exact card number */
                            card_no?: string;
                            /** @description Card numbers starting with this */
                            card_no_prefix?: string;
                            /** @description 0 = cards without a distributor */
                            distributor_id?: number;
                            /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                            valid_on?: string;
                            /** Format: date-time */
                            created_from?: string;
                            /** Format: date-time */
                            created_to?: string;
                        };
                        serial_from?: number;
                        serial_to?: number;
                        card_nos?: string[];
                    };
                    fields?: {
                        product_ids?: number[];
                        /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                        valid_from?: string | null;
                        /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                        valid_to?: string | null;
                        /**
                         * @description Cents (分)
                         * @example 19900
                         */
                        face_value?: number | null;
                        remark?: string | null;
                        distributor_id?: number | null;
                    };
                    /** @default false */
                    dry_run?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        job_no: string;
                        action: string;
                        status: "running" | "done" | "failed";
                        dry_run: boolean;
                        /** @description Cards worked through so far */
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                        /** @description Serials worked through of the range the action covers */
                        progress: {
                            done: number;
                            total: number;
                        };
                        error_code: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        finished_at: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listCardBulkJobs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            job_no: string;
                            action: string;
                            status: "running" | "done" | "failed";
                            dry_run: boolean;
                            /** @description Cards worked through so far */
                            matched: number;
                            changed: number;
                            skipped: {
                                [key: string]: number;
                            };
                            /** @description Serials worked through of the range the action covers */
                            progress: {
                                done: number;
                                total: number;
                            };
                            error_code: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getCardBulkJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        job_no: string;
                        action: string;
                        status: "running" | "done" | "failed";
                        dry_run: boolean;
                        /** @description Cards worked through so far */
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                        /** @description Serials worked through of the range the action covers */
                        progress: {
                            done: number;
                            total: number;
                        };
                        error_code: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** Format: date-time */
                        finished_at: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        serial: number;
                        card_no: string;
                        batch_no: string;
                        status: "inactive" | "active" | "redeemed" | "voided";
                        /**
                         * @description pickup: redeems one of its products (提货卡); stored_value: a balance in fen spent over several orders (储值提货券)
                         * @default pickup
                         */
                        kind: "pickup" | "stored_value";
                        /** @description Stored value: the balance in fen (null for a pickup card, and for a voucher not activated yet) */
                        balance: number | null;
                        /** @description Stored value: its one extension (延期) was used */
                        extended: boolean;
                        face_value: number | null;
                        valid_from: string | null;
                        valid_to: string | null;
                        products: {
                            product_id: number;
                            name: string;
                        }[];
                        distributor: {
                            id: number;
                            name: string;
                        } | null;
                        /** @description Bound by an open-platform or phone-list issue */
                        phone: string | null;
                        /** @description The open-platform app that sold the card */
                        sold_via: {
                            app_id: number;
                            name: string;
                        } | null;
                        remark: string | null;
                        /** Format: date-time */
                        redeemed_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        history: {
                            type: string;
                            actor_type: string;
                            actor_name: string;
                            from_status: string | null;
                            to_status: string | null;
                            /** @description Stored value: fen added (positive) or taken (negative) by this activity */
                            amount?: number | null;
                            /** @description Stored value: the balance after this activity */
                            balance_after?: number | null;
                            ref_type: string | null;
                            ref_id: string | null;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            ip: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    product_ids?: number[];
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    valid_from?: string | null;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    valid_to?: string | null;
                    /**
                     * @description Cents (分)
                     * @example 19900
                     */
                    face_value?: number | null;
                    remark?: string | null;
                    distributor_id?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    activateCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deactivateCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    voidCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    restoreCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        action: string;
                        dry_run: boolean;
                        matched: number;
                        changed: number;
                        skipped: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                        holds: {
                            hold_no: string;
                            out_trade_no: string | null;
                            card_no: string;
                            amount: number;
                            /** @description Fen refunded of a captured hold */
                            refunded: number;
                            /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                            status: string;
                            expires_at: string;
                            /** @description The voucher's balance after this call */
                            balance?: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    adjustVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Fen to add (positive) or take (negative) */
                    delta: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                        holds: {
                            hold_no: string;
                            out_trade_no: string | null;
                            card_no: string;
                            amount: number;
                            /** @description Fen refunded of a captured hold */
                            refunded: number;
                            /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                            status: string;
                            expires_at: string;
                            /** @description The voucher's balance after this call */
                            balance?: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    extendVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    dry_run?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        valid_to_before: string;
                        valid_to: string;
                        dry_run: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    unbindVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                        holds: {
                            hold_no: string;
                            out_trade_no: string | null;
                            card_no: string;
                            amount: number;
                            /** @description Fen refunded of a captured hold */
                            refunded: number;
                            /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                            status: string;
                            expires_at: string;
                            /** @description The voucher's balance after this call */
                            balance?: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listDistributors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            name: string;
                            contact: string | null;
                            /** @description Mainland China mobile number */
                            phone: string | null;
                            remark: string | null;
                            counts?: {
                                inactive: number;
                                active: number;
                                redeemed: number;
                                voided: number;
                                total: number;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    contact?: string | null;
                    /** @description Mainland China mobile number */
                    phone?: string | null;
                    remark?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        contact: string | null;
                        /** @description Mainland China mobile number */
                        phone: string | null;
                        remark: string | null;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        contact: string | null;
                        /** @description Mainland China mobile number */
                        phone: string | null;
                        remark: string | null;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateDistributor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    contact?: string | null;
                    /** @description Mainland China mobile number */
                    phone?: string | null;
                    remark?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        contact: string | null;
                        /** @description Mainland China mobile number */
                        phone: string | null;
                        remark: string | null;
                        counts?: {
                            inactive: number;
                            active: number;
                            redeemed: number;
                            voided: number;
                            total: number;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getStorefrontSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 提货网站名称 */
                        site_name: string;
                        logo_url: string | null;
                        theme_color: string;
                        welcome_text: string;
                        /** @description Shown on the pickup page (提货须知) */
                        notice_text: string;
                        success_text: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putStorefrontSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 提货网站名称 */
                    site_name: string;
                    logo_url: string | null;
                    theme_color: string;
                    welcome_text: string;
                    /** @description Shown on the pickup page (提货须知) */
                    notice_text: string;
                    success_text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 提货网站名称 */
                        site_name: string;
                        logo_url: string | null;
                        theme_color: string;
                        welcome_text: string;
                        /** @description Shown on the pickup page (提货须知) */
                        notice_text: string;
                        success_text: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchStorefrontSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields that change; merged over the stored section, then checked as the PUT checks it */
        requestBody: {
            content: {
                "application/json": {
                    /** @description 提货网站名称 */
                    site_name?: string;
                    logo_url?: string | null;
                    theme_color?: string;
                    welcome_text?: string;
                    /** @description Shown on the pickup page (提货须知) */
                    notice_text?: string;
                    success_text?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 提货网站名称 */
                        site_name: string;
                        logo_url: string | null;
                        theme_color: string;
                        welcome_text: string;
                        /** @description Shown on the pickup page (提货须知) */
                        notice_text: string;
                        success_text: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getPickupSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 前台提货开关 */
                        enabled: boolean;
                        pause_message: string;
                        reservation: {
                            /** @description none: no date; any: any date from today; window: within the merchant's window */
                            mode: "none" | "any" | "window";
                            min_days_ahead: number;
                            max_days_ahead: number;
                            blocked_weekdays: number[];
                            blocked_dates: string[];
                        };
                        /** @description Orders per reserved date */
                        daily_cap: number | null;
                        /** @description Where the customer goes after submitting (http or https) */
                        redirect_url: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putPickupSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 前台提货开关 */
                    enabled: boolean;
                    pause_message: string;
                    reservation: {
                        /** @description none: no date; any: any date from today; window: within the merchant's window */
                        mode: "none" | "any" | "window";
                        min_days_ahead: number;
                        max_days_ahead: number;
                        blocked_weekdays: number[];
                        blocked_dates: string[];
                    };
                    /** @description Orders per reserved date */
                    daily_cap: number | null;
                    /** @description Where the customer goes after submitting (http or https) */
                    redirect_url: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 前台提货开关 */
                        enabled: boolean;
                        pause_message: string;
                        reservation: {
                            /** @description none: no date; any: any date from today; window: within the merchant's window */
                            mode: "none" | "any" | "window";
                            min_days_ahead: number;
                            max_days_ahead: number;
                            blocked_weekdays: number[];
                            blocked_dates: string[];
                        };
                        /** @description Orders per reserved date */
                        daily_cap: number | null;
                        /** @description Where the customer goes after submitting (http or https) */
                        redirect_url: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchPickupSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields that change; merged over the stored section, then checked as the PUT checks it */
        requestBody: {
            content: {
                "application/json": {
                    /** @description 前台提货开关 */
                    enabled?: boolean;
                    pause_message?: string;
                    reservation?: {
                        /** @description none: no date; any: any date from today; window: within the merchant's window */
                        mode?: "none" | "any" | "window";
                        min_days_ahead?: number;
                        max_days_ahead?: number;
                        blocked_weekdays?: number[];
                        blocked_dates?: string[];
                    };
                    /** @description Orders per reserved date */
                    daily_cap?: number | null;
                    /** @description Where the customer goes after submitting (http or https) */
                    redirect_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 前台提货开关 */
                        enabled: boolean;
                        pause_message: string;
                        reservation: {
                            /** @description none: no date; any: any date from today; window: within the merchant's window */
                            mode: "none" | "any" | "window";
                            min_days_ahead: number;
                            max_days_ahead: number;
                            blocked_weekdays: number[];
                            blocked_dates: string[];
                        };
                        /** @description Orders per reserved date */
                        daily_cap: number | null;
                        /** @description Where the customer goes after submitting (http or https) */
                        redirect_url: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listCouriers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            name: string;
                            base_code: string;
                            product_type: string | null;
                            monthly_account: string | null;
                            custom: boolean;
                            id: number | null;
                            /** @description The e-waybill vendor of the variant's account (sf, kuaidi100); null without one */
                            vendor: string | null;
                            /** @description 停用: not offered for new shipments */
                            disabled: boolean;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createCourier: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    base_code: "SF" | "ZTO" | "YTO" | "STO" | "YUNDA" | "EMS" | "JD" | "JTSD" | "DBL" | "YZPY" | "HTKY" | "ZJS" | "ANE" | "KYSY" | "SNWL" | "FWX" | "ZTOKY";
                    /** @description 签约产品类型 */
                    product_type?: string | null;
                    /** @description 月结代码 */
                    monthly_account?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        base_code: string;
                        product_type: string | null;
                        monthly_account: string | null;
                        custom: boolean;
                        id: number | null;
                        /** @description The e-waybill vendor of the variant's account (sf, kuaidi100); null without one */
                        vendor: string | null;
                        /** @description 停用: not offered for new shipments */
                        disabled: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateCourier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description 签约产品类型 */
                    product_type?: string | null;
                    /** @description 月结代码 */
                    monthly_account?: string | null;
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        base_code: string;
                        product_type: string | null;
                        monthly_account: string | null;
                        custom: boolean;
                        id: number | null;
                        /** @description The e-waybill vendor of the variant's account (sf, kuaidi100); null without one */
                        vendor: string | null;
                        /** @description 停用: not offered for new shipments */
                        disabled: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                tab?: "pending_today" | "pending_tomorrow" | "pending_day_after" | "shipped_today" | "shipped_yesterday" | "all";
                status?: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                channel?: "web" | "phone" | "store" | "open_api";
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                reserve_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                reserve_to?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                created_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                created_to?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                shipped_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                shipped_to?: string;
                order_no?: string;
                card_no?: string;
                phone?: string;
                product_id?: number;
                batch_no?: string;
                /** @description The ERP push state; none: never pushed (no ERP, or not yet queued) */
                erp_status?: "pending" | "pushed" | "refunded" | "retrying" | "failed" | "none";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            order_no: string;
                            status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                            channel: "web" | "phone" | "store" | "open_api";
                            card_no: string;
                            product: {
                                product_id: number;
                                name: string;
                                goods_no: string | null;
                                spec_no: string | null;
                            };
                            consignee: {
                                name: string;
                                /** @description Mainland China mobile number */
                                phone: string;
                                province: string;
                                city: string;
                                district: string;
                                address: string;
                            } | null;
                            reserve_date: string | null;
                            remark: string | null;
                            courier_code: string | null;
                            courier_name: string | null;
                            waybill_no: string | null;
                            staff: {
                                id: number;
                                name: string;
                            } | null;
                            out_order_no: string | null;
                            /** Format: date-time */
                            shipped_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            completed_at: string | null;
                            /** Format: date-time */
                            cancelled_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Courier tracking lines, oldest first (order detail and customer view) */
                            tracking?: {
                                time: string;
                                text: string;
                            }[];
                            /** @description The push to the merchant's ERP; null without an ERP */
                            erp_status: (never | null) | "pending" | "pushed" | "refunded" | "retrying" | "failed";
                            erp_error: string | null;
                            /** @description The last failed e-waybill request of this order; null when none failed or the last one succeeded */
                            e_waybill_error: {
                                /** @description The courier's reason, as it answered */
                                message: string;
                                /** Format: date-time */
                                at: string;
                                /** @description True while the request will be sent again; false once the answer is final (ask again after fixing the cause) */
                                retrying: boolean;
                            } | null;
                            /** @description The e-waybill the current waybill came from; null for a waybill typed in by hand or none */
                            e_waybill: {
                                /** @description sf or kuaidi100 */
                                vendor: string;
                                /** @description GET /api/v1/orders/{order_no}/label.pdf gives its label */
                                pdf: boolean;
                                /** @description POST /api/v1/orders/{order_no}/label/print sends it to the Kuaidi100 cloud printer again */
                                cloud_print: boolean;
                            } | null;
                        }[];
                        next_cursor: string | null;
                        tab_counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                        /** @description The push to the merchant's ERP; null without an ERP */
                        erp_status: (never | null) | "pending" | "pushed" | "refunded" | "retrying" | "failed";
                        erp_error: string | null;
                        /** @description The last failed e-waybill request of this order; null when none failed or the last one succeeded */
                        e_waybill_error: {
                            /** @description The courier's reason, as it answered */
                            message: string;
                            /** Format: date-time */
                            at: string;
                            /** @description True while the request will be sent again; false once the answer is final (ask again after fixing the cause) */
                            retrying: boolean;
                        } | null;
                        /** @description The e-waybill the current waybill came from; null for a waybill typed in by hand or none */
                        e_waybill: {
                            /** @description sf or kuaidi100 */
                            vendor: string;
                            /** @description GET /api/v1/orders/{order_no}/label.pdf gives its label */
                            pdf: boolean;
                            /** @description POST /api/v1/orders/{order_no}/label/print sends it to the Kuaidi100 cloud printer again */
                            cloud_print: boolean;
                        } | null;
                        history: {
                            type: string;
                            actor_type: string;
                            actor_name: string;
                            detail: {
                                [key: string]: unknown;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    shipOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    courier_code: string;
                    /** @description 6-32 letters or digits */
                    waybill_no: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    completeOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getOrderTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        items: {
                            /** Format: date-time */
                            time: string;
                            kind: "created" | "erp_push" | "erp_refund" | "sms" | "ewaybill" | "shipped" | "waybill_changed" | "tracking_subscribe" | "tracking" | "delivered" | "completed" | "cancelled" | "ewaybill_cancel" | "label_print";
                            /** @description What happened, in Chinese */
                            title: string;
                            /** @description Waybill, phone (masked), vendor reason, tracking text… */
                            detail: string | null;
                            state: "done" | "pending" | "retrying" | "failed" | "dropped";
                            /** @description Who did it: an admin's name, 顾客, ERP 回传, 电子面单, 快递推送 */
                            actor: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getRedeemConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchant: {
                            code: string;
                            name: string;
                        };
                        storefront: {
                            /** @description 提货网站名称 */
                            site_name: string;
                            logo_url: string | null;
                            theme_color: string;
                            welcome_text: string;
                            /** @description Shown on the pickup page (提货须知) */
                            notice_text: string;
                            success_text: string;
                        };
                        pickup: {
                            enabled: boolean;
                            pause_message: string | null;
                        };
                        reservation: {
                            /** @description none: no date; any: any date from today; window: within the merchant's window */
                            mode: "none" | "any" | "window";
                            min_days_ahead: number;
                            max_days_ahead: number;
                            blocked_weekdays: number[];
                            blocked_dates: string[];
                            /** @description Today in the merchant's time zone */
                            today: string;
                            daily_cap: number | null;
                            /** @description The dates the customer may pick, oldest first (empty for mode none; 180 days ahead for mode any); days whose cap is taken are left out */
                            available_dates: string[];
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    verifyCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Lets the next step go on without the password; 15 minutes */
                        token: string;
                        /** Format: date-time */
                        expires_at: string;
                        card: {
                            card_no: string;
                            /** @description Cents (分) */
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                        };
                        /** @description The card redeems any ONE of these (一卡多提) */
                        products: {
                            product_id: number;
                            name: string;
                            image_url: string | null;
                            /** @description Sanitised HTML */
                            description: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    submitRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    product_id: number;
                    consignee: {
                        name: string;
                        /** @description Mainland China mobile number */
                        phone: string;
                        province: string;
                        city: string;
                        district: string;
                        address: string;
                    };
                    /** @description YYYY-MM-DD; a day the reservation rules do not offer → 422 reserve_date_invalid */
                    reserve_date?: string;
                    remark?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        redirect_url?: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getRedeemOrder: {
        parameters: {
            query?: {
                token?: string;
                card_no?: string;
                password?: string;
            };
            header?: never;
            path: {
                merchant_code: string;
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    lookupRedeemOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    verifyStorePickupCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: {
                            card_no: string;
                            /** @description Cents (分) */
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                        };
                        /** @description The card redeems any ONE of these (一卡多提) */
                        products: {
                            product_id: number;
                            name: string;
                            image_url: string | null;
                            /** @description Sanitised HTML */
                            description: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    verifyPhonePickupCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card: {
                            card_no: string;
                            /** @description Cents (分) */
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                        };
                        /** @description The card redeems any ONE of these (一卡多提) */
                        products: {
                            product_id: number;
                            name: string;
                            image_url: string | null;
                            /** @description Sanitised HTML */
                            description: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    storePickup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                    product_id: number;
                    remark?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    phonePickup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    card_no: string;
                    password: string;
                    product_id: number;
                    remark?: string;
                    consignee: {
                        name: string;
                        /** @description Mainland China mobile number */
                        phone: string;
                        province: string;
                        city: string;
                        district: string;
                        address: string;
                    };
                    /** @description YYYY-MM-DD; a day the reservation rules do not offer → 422 reserve_date_invalid */
                    reserve_date?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        status: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                        channel: "web" | "phone" | "store" | "open_api";
                        card_no: string;
                        product: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                        };
                        consignee: {
                            name: string;
                            /** @description Mainland China mobile number */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        remark: string | null;
                        courier_code: string | null;
                        courier_name: string | null;
                        waybill_no: string | null;
                        staff: {
                            id: number;
                            name: string;
                        } | null;
                        out_order_no: string | null;
                        /** Format: date-time */
                        shipped_at: string | null;
                        /** Format: date-time */
                        delivered_at: string | null;
                        /** Format: date-time */
                        completed_at: string | null;
                        /** Format: date-time */
                        cancelled_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Courier tracking lines, oldest first (order detail and customer view) */
                        tracking?: {
                            time: string;
                            text: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            name: string;
                            app_key: string;
                            scopes: string[];
                            ip_allowlist: string[];
                            rate_limit: number;
                            status: string;
                            /** @description Last four characters of the secret */
                            secret_hint: string;
                            /** Format: date-time */
                            previous_secret_expires_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("products:read" | "cards:issue" | "cards:read" | "cards:secrets" | "redeem" | "orders:read" | "vouchers:read" | "vouchers:pay")[];
                    ip_allowlist?: string[];
                    /**
                     * @description Requests per second (burst 2×)
                     * @default 50
                     */
                    rate_limit?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        app_key: string;
                        scopes: string[];
                        ip_allowlist: string[];
                        rate_limit: number;
                        status: string;
                        /** @description Last four characters of the secret */
                        secret_hint: string;
                        /** Format: date-time */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Shown only now */
                        app_secret: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    scopes?: ("products:read" | "cards:issue" | "cards:read" | "cards:secrets" | "redeem" | "orders:read" | "vouchers:read" | "vouchers:pay")[];
                    ip_allowlist?: string[];
                    rate_limit?: number;
                    status?: "enabled" | "disabled";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        app_key: string;
                        scopes: string[];
                        ip_allowlist: string[];
                        rate_limit: number;
                        status: string;
                        /** @description Last four characters of the secret */
                        secret_hint: string;
                        /** Format: date-time */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    rotateAppSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        app_key: string;
                        scopes: string[];
                        ip_allowlist: string[];
                        rate_limit: number;
                        status: string;
                        /** @description Last four characters of the secret */
                        secret_hint: string;
                        /** Format: date-time */
                        previous_secret_expires_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Shown only now */
                        app_secret: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            enabled: boolean;
                            disabled_reason: string | null;
                            secret_hint: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    description?: string | null;
                    /** @description Empty: every event except security.guessing, which an endpoint gets only when it lists it */
                    event_types?: ("card.issued" | "card.activated" | "card.voided" | "card.redeemed" | "order.created" | "order.shipped" | "order.delivered" | "order.cancelled" | "issue.cancelled" | "security.guessing" | "voucher.debited" | "voucher.refunded" | "voucher.extended" | "voucher.expiring")[];
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: string | null;
                        secret_hint: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description whsec_…, shown only now */
                        secret: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    description?: string | null;
                    event_types?: ("card.issued" | "card.activated" | "card.voided" | "card.redeemed" | "order.created" | "order.shipped" | "order.delivered" | "order.cancelled" | "issue.cancelled" | "security.guessing" | "voucher.debited" | "voucher.refunded" | "voucher.extended" | "voucher.expiring")[];
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: string | null;
                        secret_hint: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: string | null;
                        secret_hint: string;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description whsec_…, shown only now */
                        secret: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery_id: number;
                        webhook_id: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    replayWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                    /**
                     * Format: date-time
                     * @description Deliveries created before this moment (default: now)
                     */
                    until?: string;
                    /** @default dead */
                    status: "dead" | "all";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "processing" | "succeeded" | "dead";
                endpoint_id?: number;
                event_type?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            endpoint_id: number;
                            event_type: string;
                            webhook_id: string;
                            /** @description pending, processing, succeeded or dead */
                            status: string;
                            attempts: number;
                            /** Format: date-time */
                            next_attempt_at: string | null;
                            last_status_code: number | null;
                            last_error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            attempt_log: {
                                attempt: number;
                                /** Format: date-time */
                                started_at: string;
                                status_code: number | null;
                                latency_ms: number;
                                error: string | null;
                                response_excerpt: string | null;
                            }[];
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    exportCards: {
        parameters: {
            query?: {
                batch_no?: string;
                status?: "inactive" | "active" | "redeemed" | "voided";
                redeemed?: "yes" | "no";
                serial_from?: number;
                serial_to?: number;
                /** @description Exact card number */
                card_no?: string;
                /** @description Card numbers starting with this */
                card_no_prefix?: string;
                /** @description 0 = cards without a distributor */
                distributor_id?: number;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                valid_on?: string;
                created_from?: string;
                created_to?: string;
                include_passwords?: boolean;
                format?: "xlsx" | "zip";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createCardExportLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batch_no?: string;
                    status?: "inactive" | "active" | "redeemed" | "voided";
                    redeemed?: "yes" | "no";
                    serial_from?: number;
                    serial_to?: number;
                    /** @description Exact card number */
                    card_no?: string;
                    /** @description Card numbers starting with this */
                    card_no_prefix?: string;
                    /** @description 0 = cards without a distributor */
                    distributor_id?: number;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    valid_on?: string;
                    /** Format: date-time */
                    created_from?: string;
                    /** Format: date-time */
                    created_to?: string;
                    /** @default false */
                    include_passwords?: boolean;
                    /** @default xlsx */
                    format?: "xlsx" | "zip";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    cardImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    importCards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The filled-in template (xlsx, at most 20 MB)
                     */
                    file: string;
                    /**
                     * @description Product ids, comma-separated (一卡多提)
                     * @example 1,2
                     */
                    product_ids: string;
                    /** @description Batch name */
                    name?: string;
                    /**
                     * @description Cents, for rows without one
                     * @example 19900
                     */
                    face_value?: string;
                    /** @description YYYY-MM-DD, for rows without one */
                    valid_from?: string;
                    /** @description YYYY-MM-DD, for rows without one */
                    valid_to?: string;
                    /**
                     * @default false
                     * @enum {string}
                     */
                    activate?: "true" | "false";
                    /**
                     * @description Check every row, import nothing
                     * @default false
                     * @enum {string}
                     */
                    dry_run?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imported: number;
                        rows: number;
                        dry_run: boolean;
                        batch_no: string | null;
                        /** @description GET /api/v1/imports/{report_id}/report downloads the problems as xlsx */
                        report_id: number | null;
                        /** @description The first 10,000 problems */
                        problems: {
                            row: number;
                            column: string;
                            problem: string;
                        }[];
                        /** @description Every problem found (problems lists the first 10,000) */
                        problems_total: number;
                    };
                };
            };
            /** @description import_rejected (with the row-level problems) or another validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            message: string;
                        }[];
                        imported?: number;
                        rows?: number;
                        dry_run?: boolean;
                        batch_no?: string | null;
                        /** @description GET /api/v1/imports/{report_id}/report downloads the problems as xlsx */
                        report_id?: number | null;
                        /** @description The first 10,000 problems */
                        problems?: {
                            row: number;
                            column: string;
                            problem: string;
                        }[];
                        /** @description Every problem found (problems lists the first 10,000) */
                        problems_total?: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    importReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    exportOrders: {
        parameters: {
            query?: {
                tab?: "pending_today" | "pending_tomorrow" | "pending_day_after" | "shipped_today" | "shipped_yesterday" | "all";
                status?: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                channel?: "web" | "phone" | "store" | "open_api";
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                reserve_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                reserve_to?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                created_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                created_to?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                shipped_from?: string;
                /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                shipped_to?: string;
                order_no?: string;
                card_no?: string;
                phone?: string;
                product_id?: number;
                batch_no?: string;
                /** @description The ERP push state; none: never pushed (no ERP, or not yet queued) */
                erp_status?: "pending" | "pushed" | "refunded" | "retrying" | "failed" | "none";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createOrderExportLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default all */
                    tab?: "pending_today" | "pending_tomorrow" | "pending_day_after" | "shipped_today" | "shipped_yesterday" | "all";
                    status?: "pending" | "shipped" | "delivered" | "completed" | "cancelled";
                    channel?: "web" | "phone" | "store" | "open_api";
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    reserve_from?: string;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    reserve_to?: string;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    created_from?: string;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    created_to?: string;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    shipped_from?: string;
                    /** @description YYYY-MM-DD, a real day from 2000-01-01 to 2099-12-31 */
                    shipped_to?: string;
                    order_no?: string;
                    card_no?: string;
                    phone?: string;
                    product_id?: number;
                    batch_no?: string;
                    /** @description The ERP push state; none: never pushed (no ERP, or not yet queued) */
                    erp_status?: "pending" | "pushed" | "refunded" | "retrying" | "failed" | "none";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    phoneListTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    issueToPhones: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Rows of phone, quantity (xlsx; the template from GET /api/v1/card-issues/phone-template)
                     */
                    file: string;
                    /** @description The batch the cards come from */
                    batch_no: string;
                    /**
                     * @description Text each phone its cards
                     * @default false
                     * @enum {string}
                     */
                    send_sms?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issue_no: string;
                        out_order_no: string;
                        status: string;
                        cards: ({
                            card_no: string;
                            phone: string;
                            redeem_url: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            message: string;
                        }[];
                        report_id?: number | null;
                        /** @description The first 10,000 problems */
                        problems?: {
                            row: number;
                            column: string;
                            problem: string;
                        }[];
                        problems_total?: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    shipImportTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description xlsx (or zip) file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    shipImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description Rows of order_no, courier, waybill_no (xlsx; the template from GET /api/v1/orders/ship-import-template)
                     */
                    file: string;
                    /**
                     * @description Check every row, ship nothing
                     * @default false
                     * @enum {string}
                     */
                    dry_run?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shipped: number;
                        /** @description Dry run: rows that would ship */
                        would_ship: number;
                        already_shipped: number;
                        error: number;
                        dry_run: boolean;
                        /** @description Rows in error: GET /api/v1/imports/{report_id}/report downloads them as xlsx */
                        report_id: number | null;
                        /** @description The first 10,000 rows; the counts above cover all */
                        rows: {
                            row: number;
                            order_no: string;
                            result: "shipped" | "would_ship" | "already_shipped" | "error";
                            /** @description The column in error: order_no, courier, waybill_no, or * (the whole row) */
                            column?: string;
                            problem?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings with credentials masked (****abcd) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        provider: "console" | "aliyun" | "tencent";
                        aliyun: {
                            access_key_id: string;
                            /** @description Masked: ****abcd */
                            access_key_secret: string | null;
                            endpoint: string | null;
                        } | null;
                        tencent: {
                            secret_id: string;
                            /** @description Masked: ****abcd */
                            secret_key: string | null;
                            sdk_app_id: string;
                            region: string | null;
                            endpoint: string | null;
                        } | null;
                        /** @description 短信签名 */
                        sign_name: string;
                        admin_phones: string[];
                        switches: {
                            /** @description A */
                            order_submitted_customer: boolean;
                            /** @description B */
                            order_submitted_admin: boolean;
                            /** @description C */
                            shipped_customer: boolean;
                            card_issued: boolean;
                            /** @description Card passwords guessed across many cards → admin phones (default on) */
                            security_alert?: boolean;
                            /** @description A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off) */
                            voucher_expiring?: boolean;
                        };
                        templates: {
                            order_submitted_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            order_submitted_admin?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            shipped_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            card_issued?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            security_alert?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            voucher_expiring?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                        };
                        card_issued_include_password: boolean;
                        voucher_expiring_days: number;
                        limits: {
                            per_minute: number;
                            per_day: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    provider: "console" | "aliyun" | "tencent";
                    aliyun?: {
                        access_key_id: string;
                        /** @description Omit to keep the stored one */
                        access_key_secret?: string;
                        endpoint?: string | null;
                    } | null;
                    tencent?: {
                        secret_id: string;
                        /** @description Omit to keep the stored one */
                        secret_key?: string;
                        sdk_app_id: string;
                        region?: string | null;
                        endpoint?: string | null;
                    } | null;
                    /** @description 短信签名 */
                    sign_name: string;
                    admin_phones: string[];
                    switches: {
                        /** @description A */
                        order_submitted_customer: boolean;
                        /** @description B */
                        order_submitted_admin: boolean;
                        /** @description C */
                        shipped_customer: boolean;
                        card_issued: boolean;
                        /** @description Card passwords guessed across many cards → admin phones (default on) */
                        security_alert?: boolean;
                        /** @description A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off) */
                        voucher_expiring?: boolean;
                    };
                    /**
                     * @description How many days before its last day a voucher is reminded of (the text and the voucher.expiring webhook)
                     * @default 7
                     */
                    voucher_expiring_days?: number;
                    templates: {
                        order_submitted_customer?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        order_submitted_admin?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        shipped_customer?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        card_issued?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        security_alert?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        voucher_expiring?: {
                            template_id: string;
                            /** @description Template parameter → variable */
                            params: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                    };
                    /** @default false */
                    card_issued_include_password: boolean;
                    limits: {
                        per_minute: number;
                        per_day: number;
                    };
                };
            };
        };
        responses: {
            /** @description The settings with credentials masked (****abcd) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        provider: "console" | "aliyun" | "tencent";
                        aliyun: {
                            access_key_id: string;
                            /** @description Masked: ****abcd */
                            access_key_secret: string | null;
                            endpoint: string | null;
                        } | null;
                        tencent: {
                            secret_id: string;
                            /** @description Masked: ****abcd */
                            secret_key: string | null;
                            sdk_app_id: string;
                            region: string | null;
                            endpoint: string | null;
                        } | null;
                        /** @description 短信签名 */
                        sign_name: string;
                        admin_phones: string[];
                        switches: {
                            /** @description A */
                            order_submitted_customer: boolean;
                            /** @description B */
                            order_submitted_admin: boolean;
                            /** @description C */
                            shipped_customer: boolean;
                            card_issued: boolean;
                            /** @description Card passwords guessed across many cards → admin phones (default on) */
                            security_alert?: boolean;
                            /** @description A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off) */
                            voucher_expiring?: boolean;
                        };
                        templates: {
                            order_submitted_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            order_submitted_admin?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            shipped_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            card_issued?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            security_alert?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            voucher_expiring?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                        };
                        card_issued_include_password: boolean;
                        voucher_expiring_days: number;
                        limits: {
                            per_minute: number;
                            per_day: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields that change; merged over the stored section, then checked as the PUT checks it */
        requestBody: {
            content: {
                "application/json": {
                    provider?: "console" | "aliyun" | "tencent";
                    aliyun?: {
                        access_key_id?: string;
                        /** @description Omit to keep the stored one */
                        access_key_secret?: string;
                        endpoint?: string | null;
                    } | null;
                    tencent?: {
                        secret_id?: string;
                        /** @description Omit to keep the stored one */
                        secret_key?: string;
                        sdk_app_id?: string;
                        region?: string | null;
                        endpoint?: string | null;
                    } | null;
                    /** @description 短信签名 */
                    sign_name?: string;
                    admin_phones?: string[];
                    switches?: {
                        /** @description A */
                        order_submitted_customer?: boolean;
                        /** @description B */
                        order_submitted_admin?: boolean;
                        /** @description C */
                        shipped_customer?: boolean;
                        card_issued?: boolean;
                        /** @description Card passwords guessed across many cards → admin phones (default on) */
                        security_alert?: boolean;
                        /** @description A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off) */
                        voucher_expiring?: boolean;
                    };
                    /** @description How many days before its last day a voucher is reminded of (the text and the voucher.expiring webhook) */
                    voucher_expiring_days?: number;
                    templates?: {
                        order_submitted_customer?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        order_submitted_admin?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        shipped_customer?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        card_issued?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        security_alert?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                        voucher_expiring?: {
                            template_id?: string;
                            /** @description Template parameter → variable */
                            params?: {
                                [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                            };
                        };
                    };
                    card_issued_include_password?: boolean;
                    limits?: {
                        per_minute?: number;
                        per_day?: number;
                    };
                };
            };
        };
        responses: {
            /** @description The settings with credentials masked (****abcd) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        provider: "console" | "aliyun" | "tencent";
                        aliyun: {
                            access_key_id: string;
                            /** @description Masked: ****abcd */
                            access_key_secret: string | null;
                            endpoint: string | null;
                        } | null;
                        tencent: {
                            secret_id: string;
                            /** @description Masked: ****abcd */
                            secret_key: string | null;
                            sdk_app_id: string;
                            region: string | null;
                            endpoint: string | null;
                        } | null;
                        /** @description 短信签名 */
                        sign_name: string;
                        admin_phones: string[];
                        switches: {
                            /** @description A */
                            order_submitted_customer: boolean;
                            /** @description B */
                            order_submitted_admin: boolean;
                            /** @description C */
                            shipped_customer: boolean;
                            card_issued: boolean;
                            /** @description Card passwords guessed across many cards → admin phones (default on) */
                            security_alert?: boolean;
                            /** @description A bound stored-value voucher with balance left ends in voucher_expiring_days days → its phone, once per voucher (default off) */
                            voucher_expiring?: boolean;
                        };
                        templates: {
                            order_submitted_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            order_submitted_admin?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            shipped_customer?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            card_issued?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            security_alert?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                            voucher_expiring?: {
                                template_id: string;
                                /** @description Template parameter → variable */
                                params: {
                                    [key: string]: "order_no" | "product" | "consignee_name" | "courier" | "waybill_no" | "card_no" | "redeem_url" | "password" | "site_name" | "failures" | "balance" | "valid_to" | "days_left";
                                };
                            };
                        };
                        card_issued_include_password: boolean;
                        voucher_expiring_days: number;
                        limits: {
                            per_minute: number;
                            per_day: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    testNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Mainland China mobile number */
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        outbox_id: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listSmsMessages: {
        parameters: {
            query?: {
                phone?: string;
                /** @description sent; failed (error: the reason); dropped (not sent: over a per-phone limit; error: which) */
                status?: "sent" | "failed" | "dropped";
                /** @description Sent texts by receipt: pending (waiting), delivered, failed (the receipt says not delivered), unknown (no receipt in time) */
                delivery?: "pending" | "delivered" | "failed" | "unknown";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            phone: string;
                            event: string;
                            template_id: string;
                            provider: string;
                            status: "sent" | "failed" | "dropped";
                            provider_message_id: string | null;
                            /** @description Why it failed (the provider's reason) or was dropped (the limit it hit) */
                            error: string | null;
                            delivery_state: (never | null) | ("pending" | "delivered" | "failed" | "unknown");
                            /** @description The receipt's code (Aliyun ErrCode, Tencent SUCCESS/FAIL) */
                            delivery_code: string | null;
                            /** @description Why it was not delivered, as the receipt says */
                            delivery_reason: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getTrackingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kuaidi100_callback_url: string;
                        kuaidi100_salt: string | null;
                        /** @description The poll key, masked (****abcd) */
                        kuaidi100_key: string | null;
                        kuaidi100_poll_endpoint: string | null;
                        sf_callback_url: string | null;
                        sf_ip_allowlist: string[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putTrackingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kuaidi100_salt?: string | null;
                    /** @description Kuaidi100 poll key: subscriptions are made when an order ships */
                    kuaidi100_key?: string | null;
                    kuaidi100_poll_endpoint?: string | null;
                    sf_ip_allowlist?: string[];
                    rotate_sf_token?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kuaidi100_callback_url: string;
                        kuaidi100_salt: string | null;
                        /** @description The poll key, masked (****abcd) */
                        kuaidi100_key: string | null;
                        kuaidi100_poll_endpoint: string | null;
                        sf_callback_url: string | null;
                        sf_ip_allowlist: string[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchTrackingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kuaidi100_salt?: string | null;
                    /** @description Kuaidi100 poll key: subscriptions are made when an order ships */
                    kuaidi100_key?: string | null;
                    kuaidi100_poll_endpoint?: string | null;
                    sf_ip_allowlist?: string[];
                    rotate_sf_token?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kuaidi100_callback_url: string;
                        kuaidi100_salt: string | null;
                        /** @description The poll key, masked (****abcd) */
                        kuaidi100_key: string | null;
                        kuaidi100_poll_endpoint: string | null;
                        sf_callback_url: string | null;
                        sf_ip_allowlist: string[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    kuaidi100Push: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    sfRoutePush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchant_code: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getEWaybillSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sender: {
                            name: string;
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putEWaybillSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sender: {
                        name: string;
                        phone: string;
                        province: string;
                        city: string;
                        district: string;
                        address: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sender: {
                            name: string;
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchEWaybillSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields that change; merged over the stored section, then checked as the PUT checks it */
        requestBody: {
            content: {
                "application/json": {
                    sender?: {
                        name?: string;
                        phone?: string;
                        province?: string;
                        city?: string;
                        district?: string;
                        address?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sender: {
                            name: string;
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getCourierAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        vendor: string | null;
                        has_credentials: boolean;
                        endpoint: string | null;
                        /** @description The PUT's fields; secrets masked */
                        credentials: {
                            [key: string]: string | null;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    setCourierAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    vendor: "sf";
                    /** @description 顾客编码 */
                    partner_id: string;
                    /** @description Omitted: the stored value is kept (it is never shown again) */
                    check_word?: string;
                    template_code?: string | null;
                    endpoint?: string | null;
                } | {
                    /** @enum {string} */
                    vendor: "kuaidi100";
                    /** @description Omitted: the stored value is kept (it is never shown again) */
                    key?: string;
                    /** @description Omitted: the stored value is kept (it is never shown again) */
                    secret?: string;
                    /** @description Kuaidi100 company code (shunfeng, zhongtong …) */
                    kuaidicom: string;
                    /** @description partnerId: 电子面单客户账户或月结账号 (shunfeng: 月结卡号) */
                    partner_id?: string | null;
                    /** @description partnerKey: 电子面单密码 (shunfeng: 顾客编码). Omitted: the stored value is kept (it is never shown again) */
                    partner_key?: string;
                    /** @description partnerSecret: 电子面单密钥 (shunfeng: 校验码). Omitted: the stored value is kept (it is never shown again) */
                    partner_secret?: string;
                    /** @description partnerName */
                    partner_name?: string | null;
                    /** @description net: 网点名称, or taobao / cainiao / pinduoduoWx … for a platform-authorised account */
                    net?: string | null;
                    /** @description code: 电子面单承载编号 (shentong 44, shunfeng sf_secret, zhongtong ztoOpen) */
                    code?: string | null;
                    /** @description checkMan: 电子面单承载快递员名 */
                    check_man?: string | null;
                    /** @description tbNet: "网点名称,网点编号" when a 菜鸟/淘宝/拼多多 account has several 网点 */
                    tb_net?: string | null;
                    /** @description tempId: 快递100 模板编码; required for shunfeng (an fm… 顺丰新模板) */
                    temp_id?: string | null;
                    /** @description siid: the merchant's Kuaidi100 cloud printer; when set, waybills are printed there (printType CLOUD) */
                    siid?: string | null;
                    pay_type?: (never | null) | ("SHIPPER" | "CONSIGNEE" | "MONTHLY" | "THIRDPARTY");
                    endpoint?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        code: string;
                        vendor: string | null;
                        has_credentials: boolean;
                        endpoint: string | null;
                        /** @description The PUT's fields; secrets masked */
                        credentials: {
                            [key: string]: string | null;
                        };
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    testCourierAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        /** @description What happened, in Chinese: the vendor's reason when it refused */
                        message: string;
                        /** @description The vendor's error code, when it gave one */
                        vendor_code: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    requestEWaybill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    courier_account_id: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: string[];
                        refused: {
                            order_no: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    requestEWaybills: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    order_nos: string[];
                    courier_account_id: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: string[];
                        refused: {
                            order_no: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getOrderLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF (application/pdf): the labels, one or more pages per order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    createLabelsLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    order_nos: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    printOrderLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What happened, in Chinese */
                        message: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    cancelEWaybill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        /** @description The waybill given back; the courier is told through the outbox (ewaybill.cancel) */
                        waybill_no: string;
                        queued: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getErpSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        protocol: string;
                        sid: string;
                        appkey: string;
                        appsecret: string;
                        shop_no: string;
                        endpoint: string | null;
                    } | null;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    putErpSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt") */
                    protocol: "wdt_classic" | "wdt_qjb";
                    sid: string;
                    appkey: string;
                    /** @description Omit to keep the stored one */
                    appsecret?: string;
                    shop_no: string;
                    /** @description Default production; the sandbox or a local fake */
                    endpoint?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        protocol: string;
                        sid: string;
                        appkey: string;
                        appsecret: string;
                        shop_no: string;
                        endpoint: string | null;
                    } | null;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    patchErpSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields that change; merged over the stored section, then checked as the PUT checks it */
        requestBody: {
            content: {
                "application/json": {
                    /** @description wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt") */
                    protocol?: "wdt_classic" | "wdt_qjb";
                    sid?: string;
                    appkey?: string;
                    /** @description Omit to keep the stored one */
                    appsecret?: string;
                    shop_no?: string;
                    /** @description Default production; the sandbox or a local fake */
                    endpoint?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        protocol: string;
                        sid: string;
                        appkey: string;
                        appsecret: string;
                        shop_no: string;
                        endpoint: string | null;
                    } | null;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    testErpConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description wdt_classic: openapi2 (sid/appkey/appsecret); wdt_qjb: 旗舰版 (appsecret as "secret:salt") */
                    protocol: "wdt_classic" | "wdt_qjb";
                    sid: string;
                    appkey: string;
                    /** @description Omit to keep the stored one */
                    appsecret?: string;
                    shop_no: string;
                    /** @description Default production; the sandbox or a local fake */
                    endpoint?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        /** @description The outcome in Chinese; on failure the vendor's own code and message when it answered */
                        message: string;
                        shop_name: string | null;
                        latency_ms: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getErpLastSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description schedule: the periodic pull (every five minutes); manual: 立即同步 */
                        trigger: "schedule" | "manual";
                        ok: boolean;
                        /** @description Orders shipped by this sync */
                        shipped: number;
                        /** @description Records acknowledged as failed (unknown order, courier or product) */
                        failed: number;
                        /** @description Stock figures stored by this sync */
                        stock_updated: number;
                        /** @description The records the ERP did not accept in its acknowledgements, "id: reason" in its words */
                        ack_errors: string[];
                        /** @description Why the sync stopped, in Chinese (the vendor's message when it answered) */
                        error: string | null;
                        /** Format: date-time */
                        started_at: string;
                        /** Format: date-time */
                        finished_at: string;
                        /**
                         * Format: date-time
                         * @description When a sync last ended without error
                         */
                        last_ok_at: string | null;
                    } | null;
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    syncErpLogistics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Orders shipped */
                        shipped: number;
                        /** @description Records acknowledged as failed (unknown order, courier or product; a stock the ERP could not compute) */
                        failed: number;
                        /** @description Stock figures stored */
                        stock_updated: number;
                        /** @description Records the ERP did not accept in its acknowledgements (per-item errors) */
                        ack_failed: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getErpStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            product_id: number;
                            name: string;
                            lines: {
                                goods_no: string | null;
                                spec_no: string | null;
                                /** @description How many of this good one product takes */
                                quantity: number;
                                /** @description The ERP's last figure for this good; null before the first */
                                stock: number | null;
                                /** Format: date-time */
                                updated_at: string | null;
                            }[];
                            /** @description How many of the product the stock makes (its scarcest good); null until every good has a figure */
                            available: number | null;
                            /**
                             * Format: date-time
                             * @description When the ERP last synced a figure of this product
                             */
                            updated_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    listIntegrationCalls: {
        parameters: {
            query?: {
                topic?: "erp.push" | "ewaybill.request" | "ewaybill.cancel" | "sms.send" | "sms.card_issued" | "tracking.apply" | "tracking.subscribe";
                /** @description failing: what is failing now (dead, or failed and waiting for / in its next retry) */
                status?: "pending" | "processing" | "done" | "dead" | "failing";
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            topic: string;
                            status: string;
                            attempts: number;
                            last_error: string | null;
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description When the next attempt is due (pending rows only)
                             */
                            next_attempt_at: string | null;
                            /** @description The order the call is about (ERP push, e-waybill, order texts) */
                            order_no: string | null;
                            card_no: string | null;
                            /** @description The text's recipient, masked */
                            phone: string | null;
                            /** @description erp.push: push or refund; sms.send: the text's event */
                            event: string | null;
                            attempt_log: {
                                attempt: number;
                                status_code: number | null;
                                latency_ms: number;
                                error: string | null;
                                started_at: string;
                            }[];
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    retryIntegrationCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        requeued: number;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The merchant code in pickup URLs (/r/{code}); never changes */
                        code: string;
                        /** @description Display name: the pickup page footer, staff receipts */
                        name: string;
                        contact_name: string | null;
                        contact_phone: string | null;
                        /** @description IANA time zone: what "today" and validity dates mean */
                        timezone: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    updateMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    contact_name?: string | null;
                    contact_phone?: string | null;
                    /** @description IANA name, e.g. Asia/Shanghai */
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The merchant code in pickup URLs (/r/{code}); never changes */
                        code: string;
                        /** @description Display name: the pickup page footer, staff receipts */
                        name: string;
                        contact_name: string | null;
                        contact_phone: string | null;
                        /** @description IANA time zone: what "today" and validity dates mean */
                        timezone: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description YYYY-MM-DD */
                        today: string;
                        timezone: string;
                        /** @description Cards of finished batches by state (null without cards.read) */
                        cards: {
                            inactive: {
                                count: number;
                                /** @description Cents: the cards' count × their batch's face value (cards without a face value count 0) */
                                face_value: number;
                            };
                            active: {
                                count: number;
                                /** @description Cents: the cards' count × their batch's face value (cards without a face value count 0) */
                                face_value: number;
                            };
                            redeemed: {
                                count: number;
                                /** @description Cents: the cards' count × their batch's face value (cards without a face value count 0) */
                                face_value: number;
                            };
                            voided: {
                                count: number;
                                /** @description Cents: the cards' count × their batch's face value (cards without a face value count 0) */
                                face_value: number;
                            };
                            total: {
                                count: number;
                                /** @description Cents: the cards' count × their batch's face value (cards without a face value count 0) */
                                face_value: number;
                            };
                            /** @description Cents: face value of the inactive and active cards */
                            unredeemed_face_value: number;
                        } | null;
                        /** @description By reserved delivery date in the merchant's time zone (null without orders.read) */
                        orders: {
                            /** @description To ship today, overdue included (the 今天待发 tab) */
                            pending_today: number;
                            pending_tomorrow: number;
                            pending_day_after: number;
                            shipped_today: number;
                            shipped_yesterday: number;
                            /** @description Orders created per day in the merchant's time zone, the last 30 days, oldest first, today last; later cancellations included */
                            redemptions_per_day: {
                                /** @description YYYY-MM-DD */
                                date: string;
                                count: number;
                            }[];
                        } | null;
                        /** @description Outbox rows that failed: webhook deliveries; ERP, courier and SMS calls (null without settings.write) */
                        failing: {
                            webhook_deliveries: {
                                /** @description Given up after every retry (replayable) */
                                dead: number;
                                /** @description Failed at least once, waiting for the next retry */
                                retrying: number;
                            };
                            integration_calls: {
                                /** @description Given up after every retry (replayable) */
                                dead: number;
                                /** @description Failed at least once, waiting for the next retry */
                                retrying: number;
                            };
                        } | null;
                        public_base_url: string;
                        /** @description Set when PUBLIC_BASE_URL is a local address or not https: printed QR codes would point nowhere */
                        public_base_url_warning: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openListProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            product_id: number;
                            name: string;
                            goods_no: string | null;
                            spec_no: string | null;
                            image_url: string | null;
                            status: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openIssueCards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    out_order_no: string;
                    batch_no: string;
                    items: {
                        phone: string;
                        quantity: number;
                    }[];
                    send_sms: boolean;
                    distributor_id?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issue_no: string;
                        out_order_no: string;
                        status: string;
                        cards: {
                            card_no: string;
                            phone: string;
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                            redeem_url: string;
                            /** @description Only with scope cards:secrets */
                            password?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issue_no: string;
                        out_order_no: string;
                        status: string;
                        cards: {
                            card_no: string;
                            phone: string;
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                            redeem_url: string;
                            /** @description Only with scope cards:secrets */
                            password?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issue_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issue_no: string;
                        out_order_no: string;
                        status: string;
                        cards: {
                            card_no: string;
                            phone: string;
                            face_value: number | null;
                            valid_from: string | null;
                            valid_to: string | null;
                            redeem_url: string;
                            /** @description Only with scope cards:secrets */
                            password?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openCancelIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                issue_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issue_no: string;
                        cancelled: string[];
                        not_cancelled: {
                            card_no: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        status: string;
                        /** @description pickup or stored_value */
                        kind: string;
                        face_value: number | null;
                        /** @description Stored value: fen available now; null for a pickup card */
                        balance: number | null;
                        valid_from: string | null;
                        valid_to: string | null;
                        phone: string | null;
                        products: {
                            product_id: number;
                            name: string;
                        }[];
                        redeemed_order_no: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openRedeem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    out_order_no: string;
                    card_no: string;
                    password: string;
                    product_id: number;
                    consignee: {
                        name: string;
                        /** @description Mainland China mobile number */
                        phone: string;
                        province: string;
                        city: string;
                        district: string;
                        address: string;
                    };
                    /** @description YYYY-MM-DD; a day the reservation rules do not offer → 422 reserve_date_invalid */
                    reserve_date?: string;
                    remark?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        out_order_no: string;
                        card_no: string;
                        product_id: number;
                        status: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        out_order_no: string;
                        card_no: string;
                        product_id: number;
                        status: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetVoucher: {
        parameters: {
            query: {
                /** @description Mainland mobile number (11 digits starting with 1) */
                phone: string;
            };
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openQueryVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password?: string;
                    /** @description Mainland mobile number (11 digits starting with 1) */
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openHoldVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    out_trade_no: string;
                    /** @description Cents (分) */
                    amount: number;
                    /**
                     * @description Seconds until the hold lapses and releases itself
                     * @default 900
                     */
                    ttl_seconds?: number;
                    password?: string;
                    /** @description Mainland mobile number (11 digits starting with 1) */
                    phone?: string;
                    /** @description What the order buys (GET /open/v1/products): checked against the voucher's restrictions; with prices, the amount may not exceed their total */
                    items?: {
                        product_id: number;
                        quantity: number;
                    }[];
                    /** @description The delivery province, for a voucher restricted by region */
                    province?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openDebitVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    out_trade_no: string;
                    /** @description Cents (分) */
                    amount: number;
                    password?: string;
                    /** @description Mainland mobile number (11 digits starting with 1) */
                    phone?: string;
                    /** @description What the order buys (GET /open/v1/products): checked against the voucher's restrictions; with prices, the amount may not exceed their total */
                    items?: {
                        product_id: number;
                        quantity: number;
                    }[];
                    /** @description The delivery province, for a voucher restricted by region */
                    province?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hold_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openCaptureHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hold_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openReleaseHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hold_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openRefundHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hold_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    out_refund_no: string;
                    /** @description Cents (分) */
                    amount: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hold_no: string;
                        out_trade_no: string | null;
                        card_no: string;
                        amount: number;
                        /** @description Fen refunded of a captured hold */
                        refunded: number;
                        /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                        status: string;
                        expires_at: string;
                        /** @description The voucher's balance after this call */
                        balance?: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetVoucherTrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                out_trade_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        out_trade_no: string;
                        /** @description Fen still held (not lapsed) over its vouchers */
                        held: number;
                        /** @description Fen captured over its vouchers */
                        captured: number;
                        /** @description Fen refunded over its vouchers */
                        refunded: number;
                        holds: {
                            hold_no: string;
                            out_trade_no: string | null;
                            card_no: string;
                            amount: number;
                            /** @description Fen refunded of a captured hold */
                            refunded: number;
                            /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                            status: string;
                            expires_at: string;
                            /** @description The voucher's balance after this call */
                            balance?: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openCancelVoucherTrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                out_trade_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        out_trade_no: string;
                        /** @description Fen still held (not lapsed) over its vouchers */
                        held: number;
                        /** @description Fen captured over its vouchers */
                        captured: number;
                        /** @description Fen refunded over its vouchers */
                        refunded: number;
                        holds: {
                            hold_no: string;
                            out_trade_no: string | null;
                            card_no: string;
                            amount: number;
                            /** @description Fen refunded of a captured hold */
                            refunded: number;
                            /** @description held, captured, released, or lapsed (its time ran out; released by the sweep within a minute) */
                            status: string;
                            expires_at: string;
                            /** @description The voucher's balance after this call */
                            balance?: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openExtendVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password?: string;
                    /** @description Mainland mobile number (11 digits starting with 1) */
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        valid_to_before: string;
                        valid_to: string;
                        dry_run: boolean;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openBindVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                card_no: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    /** @description Mainland mobile number (11 digits starting with 1) */
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        card_no: string;
                        /** @description The card state: inactive, active, voided */
                        status: string;
                        /** @description What the holder sees: inactive, active, exhausted (balance 0), expired (past valid_to), voided */
                        state: string;
                        face_value: number | null;
                        /** @description Fen available now (held amounts already taken); null before activation */
                        balance: number | null;
                        /** @description Fen reserved by holds not captured or released yet */
                        held: number;
                        valid_from: string | null;
                        valid_to: string | null;
                        /** @description Valid for N days from the day after activation */
                        valid_days: number | null;
                        days_left: number | null;
                        /** @description Its one 30-day extension was used */
                        extended: boolean;
                        /** @description The last day the one extension may be asked for (valid_to + 30); null when it cannot be */
                        extendable_until: string | null;
                        /** @description The phone it is bound to, masked (138****0000) */
                        phone: string | null;
                        /** @description What a stored-value voucher may buy: each product must be one of product_ids, or of one of the categories, or of one of the suppliers (any list given); provinces limit where it is delivered. Empty or null: the whole catalogue, anywhere (支持商品、类目、供应商、地区等方式限定) */
                        restrictions: {
                            product_ids?: number[];
                            categories?: string[];
                            suppliers?: string[];
                            provinces?: string[];
                        } | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openGetOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_no: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        order_no: string;
                        out_order_no: string | null;
                        status: string;
                        product: {
                            product_id: number;
                            name: string;
                        };
                        consignee: {
                            name: string;
                            /** @description Masked: 138****0000 */
                            phone: string;
                            province: string;
                            city: string;
                            district: string;
                            address: string;
                        } | null;
                        reserve_date: string | null;
                        courier_code: string | null;
                        waybill_no: string | null;
                        shipped_at: string | null;
                        tracking: {
                            time: string;
                            text: string;
                        }[];
                        updated_at: string;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
    openListOrders: {
        parameters: {
            query?: {
                updated_after?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            order_no: string;
                            out_order_no: string | null;
                            status: string;
                            product: {
                                product_id: number;
                                name: string;
                            };
                            consignee: {
                                name: string;
                                /** @description Masked: 138****0000 */
                                phone: string;
                                province: string;
                                city: string;
                                district: string;
                                address: string;
                            } | null;
                            reserve_date: string | null;
                            courier_code: string | null;
                            waybill_no: string | null;
                            shipped_at: string | null;
                            tracking: {
                                time: string;
                                text: string;
                            }[];
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Default Response */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code */
                        code: string;
                        /** @description Human readable (Chinese) message */
                        message: string;
                        request_id: string;
                        details?: {
                            path: string;
                            /** @description Names the field in Chinese and says what is wrong */
                            message: string;
                            /** @description The kind of problem, where a client may act on it: date_invalid */
                            code?: string;
                        }[];
                    };
                };
            };
        };
    };
}
